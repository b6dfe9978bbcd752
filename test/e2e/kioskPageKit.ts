import { Locator, Page } from 'playwright-core';

/** Small helpers to drive the kiosk page the way a child does: by its buttons. */
export function kioskPage(page: Page) {
  const bot = page.locator('.msg.bot');
  const choices = page.locator('[role="group"] button.choice');

  /**
   * Waits until the bot has said more than `before` things and then stayed quiet for a moment. The wait is generous:
   * on a 2-core CI machine running two jest workers and Chromium, an answer once took over 10 s. Speed is measured
   * by the bench (`npm run bench`), not here.
   */
  async function settle(before: number, ms = 30_000): Promise<void> {
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
        const status = await page.getByRole('status').first().textContent().catch(() => null);
        throw new Error(`the bot did not answer (still ${n} messages; status line: ${JSON.stringify(status)})`);
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
