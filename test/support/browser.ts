import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_MISSING =
  'Debian’s chromium was not found at /usr/bin/chromium. Install it: `sudo apt-get install -y chromium`.';

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Debian's headless Chromium with a fresh, throwaway profile (its own user-data-dir, so no test sees
 * another's storage) and nothing that phones home. Close it in afterAll/afterEach.
 */
export async function launchBrowser(
  options: { reducedMotion?: 'reduce' | 'no-preference'; locale?: string } = {},
): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'heard-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      reducedMotion: options.reducedMotion,
      locale: options.locale,
    });
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    if (err instanceof Error && /executable doesn't exist|ENOENT/i.test(err.message))
      throw new Error(CHROMIUM_MISSING, { cause: err });
    throw err;
  }
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

let axeSource: string | undefined;

/**
 * axe-core's serious and critical violations on the page as it is now ([] when there are none). axe is evaluated
 * through the DevTools protocol rather than added as a <script> tag, which a strict CSP (rightly) refuses.
 */
export async function seriousAxeViolations(
  page: Page,
): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            o: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run({
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
