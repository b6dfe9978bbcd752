import { Locator, Page } from 'playwright-core';

const traces = new WeakMap<Page, string[]>();

/**
 * The page's talk with the server (Direct Line requests, stream frames, console errors), kept so that a wait that
 * fails can say what happened: a reply never sent, never streamed, or a conversation restarted.
 */
function trace(page: Page): string[] {
  const known = traces.get(page);
  if (known) return known;
  const kept: string[] = [];
  traces.set(page, kept);
  const t0 = Date.now();
  const note = (line: string) => {
    kept.push(`${Date.now() - t0} ms ${line}`);
    if (kept.length > 60) kept.shift();
  };
  const path = (url: string) => new URL(url).pathname.replace(/conversations\/[^/]+/, 'conversations/…');
  page.on('request', (r) => r.url().includes('/v3/directline') && note(`→ ${r.method()} ${path(r.url())}`));
  page.on('response', (r) => r.url().includes('/v3/directline') && note(`← ${r.status()} ${path(r.url())}`));
  page.on('requestfailed', (r) => note(`✗ ${r.method()} ${path(r.url())} ${r.failure()?.errorText ?? ''}`));
  page.on('console', (m) => m.type() === 'error' && note(`console: ${m.text()}`));
  page.on('pageerror', (err) => note(`page error: ${err.message}`));
  page.on('websocket', (ws) => {
    note('stream opened');
    ws.on('close', () => note('stream closed'));
    ws.on('framereceived', (frame) => {
      const group = JSON.parse(String(frame.payload) || '{}') as {
        activities?: { from?: { role?: string } }[];
      };
      note(`stream: ${(group.activities ?? []).map((a) => a.from?.role ?? '?').join(', ') || 'empty frame'}`);
    });
  });
  return kept;
}

/** Small helpers to drive the kiosk page the way a child does: by its buttons. */
export function kioskPage(page: Page) {
  const bot = page.locator('.msg.bot');
  const choices = page.locator('[role="group"] button.choice');
  const talk = trace(page);

  /**
   * Waits until the bot has said more than `before` things and then stayed quiet for a moment. The wait is generous
   * because a 2-core CI machine also runs another jest worker; speed is measured by the bench (`npm run bench`), not
   * here. A wait that fails says what the page and the server said to each other.
   */
  async function settle(before: number, ms = 10_000): Promise<void> {
    const until = Date.now() + ms;
    let last = -1;
    let stableSince = Date.now();
    for (;;) {
      const n = await bot.count();
      if (n !== last) {
        last = n;
        stableSince = Date.now();
      }
      if (n > before && Date.now() - stableSince > 250) return;
      if (Date.now() > until) {
        const status = await page.locator('.status, [role="status"]').first().textContent({ timeout: 1000 });
        const focus = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
        throw new Error(
          `the bot did not answer (still ${n} messages; status line: ${JSON.stringify(status)}; focus: ${focus})\n` +
            talk.join('\n'),
        );
      }
      await page.waitForTimeout(40);
    }
  }

  return {
    bot,
    choices,
    menu: (entry: string) => page.locator(`[role="group"] button[data-menu="${entry}"]`),
    lastBotText: async () => (await bot.last().textContent()) ?? '',
    settle,
    /** Taps a button and waits for the bot's answer. */
    async tap(button: Locator): Promise<void> {
      const before = await bot.count();
      await button.click();
      await settle(before);
    },
    /** Types a message, sends it with Enter, and waits for the answer. */
    async say(text: string): Promise<void> {
      const before = await bot.count();
      await page.getByRole('textbox').fill(text);
      await page.keyboard.press('Enter');
      await settle(before);
    },
  };
}

/** Waits until `read()` equals `expected` (deeply); fails with the last value after `ms`. */
export async function eventually<T>(read: () => T | Promise<T>, expected: T, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (Date.now() > until || JSON.stringify(value) === JSON.stringify(expected))
      return void expect(value).toEqual(expected);
    await new Promise((r) => setTimeout(r, 50));
  }
}
