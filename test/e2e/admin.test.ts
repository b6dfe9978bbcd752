import { readFileSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';
import { currentTotp, newTotpSecret } from '../../core/users/totp';
import { BotFrameworkClient, texts } from '../support/botFrameworkClient';
import { RunningApp, startTestApp } from '../support/testApp';

const ADMIN = { email: 'e2e.admin@monitor.example', password: 'e2e admin password', totpSecret: newTotpSecret() };
const HOSTILE = `The night guard hits us <script>window.__pwned=1;alert('script')</script><img src=x onerror="window.__pwned=2;alert('img')"> <a href="javascript:alert('link')">click me</a> <svg onload="alert('svg')"></svg>`;
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Everything that would show a script ran: dialogs, page errors, CSP violations (recorded in the page), console errors. */
function watch(page: Page) {
  const seen = { dialogs: [] as string[], errors: [] as string[], console: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location().url)) seen.console.push(m.text());
  });
  return seen;
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (an injected <script> would be refused).
  await page.evaluate(AXE);
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run());
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe('admin in a browser', () => {
  let running: RunningApp;
  let browser: Browser;
  beforeAll(async () => {
    running = await startTestApp(
      { ADMIN_BOOTSTRAP_EMAIL: ADMIN.email, ADMIN_BOOTSTRAP_PASSWORD: ADMIN.password, ADMIN_BOOTSTRAP_TOTP_SECRET: ADMIN.totpSecret, SPOOL_DIR: `/tmp/heard-e2e-admin-${process.pid}` },
      // The flow under test is the admin's; which words are urgent is the screening tests' business.
      { screen: (text) => (text.includes('hits') ? { risk: 'urgent', categories: ['physical_abuse'], reasons: ['says staff hit them'] } : { risk: 'none', categories: [], reasons: [] }) },
    );
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('signs in with TOTP, sees a child’s urgent complaint arrive live at the top, opens it, acknowledges it and replies; the child reads the reply; nothing the child wrote runs', async () => {
    const page = await browser.newPage();
    const seen = watch(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });

    await page.goto(`${running.url}/admin/`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByLabel('Code from your authenticator app').fill(currentTotp(ADMIN.totpSecret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/queue');
    await page.waitForSelector('body[data-live="on"]');
    expect(await axeViolations(page)).toEqual([]);

    // A child files a complaint through the bot while the queue is open.
    const child = new BotFrameworkClient(running.url);
    for (const m of ['hi', 'English', '2', 'Make a complaint', '1', 'Food', HOSTILE]) await child.send(m);
    const filed = texts(await child.send('Yes')).join('\n');
    const receipt = /\d{4}-\d{4}-\d{4}/.exec(filed)![0];
    const [report] = await running.heard.stores.reports.list({ limit: 1 });

    const alert = page.locator('#live-alert');
    await alert.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await alert.textContent()).toContain('New URGENT complaint received.');
    expect(await page.evaluate(() => document.body.classList.contains('urgent-pending'))).toBe(true);
    await alert.getByRole('button', { name: 'Refresh the queue' }).click();
    await page.waitForSelector(`tr[data-id="${report.id}"]`);
    expect(await page.locator('table.queue tbody tr').first().getAttribute('data-id')).toBe(report.id);
    expect(await page.locator('table.queue tbody tr').first().getAttribute('class')).toContain('row-urgent');

    await page.locator('table.queue tbody tr').first().getByRole('link').click();
    await page.waitForURL(`**/admin/cases/${report.id}`);
    expect(await page.locator('.child-text').first().textContent()).toBe(report.redactedText);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Show original' }).click();
    expect(await page.locator('.child-text.original').textContent()).toBe(HOSTILE);

    const audit = await page.context().request.get(`${running.url}/admin/api/audit?target=${report.id}`);
    expect((await audit.json()).items.map((e: { action: string; actor: string }) => `${e.action} ${e.actor}`)).toEqual([`report.original ${ADMIN.email}`, `report.view ${ADMIN.email}`]);

    await page.goto(`${running.url}/admin/cases/${report.id}`);
    await page.getByLabel('New status').selectOption('acknowledged');
    await page.getByLabel('Note (required)').fill('Called the home manager; visiting today.');
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByText('Status changed.').waitFor();
    expect(await page.locator('.facts').textContent()).toContain('Acknowledged');

    await page.getByLabel('Reply', { exact: true }).fill('Thank you for telling us. We are coming to your home today.');
    await page.getByRole('button', { name: 'Save reply' }).click();
    await page.getByText('Reply saved.').waitFor();

    // The child checks with the receipt code and reads the reply.
    await child.send('Check my report');
    const status = texts(await child.send(receipt)).join('\n');
    expect(status).toContain('Thank you for telling us. We are coming to your home today.');

    // Nothing the child wrote ran: no dialog, no error, no script flag, no inline code even attempted.
    await page.goto(`${running.url}/admin/queue`);
    await page.goto(`${running.url}/admin/cases/${report.id}`);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('a[href^="javascript:"], img[src="x"], svg[onload]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(seen).toEqual({ dialogs: [], errors: [], console: [] });
  });
});
