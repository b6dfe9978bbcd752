import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { launchBrowser } from '../support/browser';
import { Unavailable } from './admin';

export interface FirstLoad {
  /** Bytes on the wire, gzipped, of the page and every asset it references. */
  gzBytes: number;
  files: { path: string; gzBytes: number; rawBytes: number }[];
}

/** GET with `accept-encoding: gzip`, keeping the body as sent (no decoding): its size on the wire and its text. */
function getGzipped(url: string): Promise<{ status: number; wire: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { 'accept-encoding': 'gzip' }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
        resolve({ status: res.statusCode ?? 0, wire: body.length, text });
      });
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

/** The asset URLs a page's HTML (link, script, img) or a stylesheet (url()) references, resolved against `base`. */
export function referencedAssets(text: string, base: string, kind: 'html' | 'css'): string[] {
  const pattern =
    kind === 'html'
      ? /<(?:link|script|img)\b[^>]*?\s(?:href|src)="([^"]+)"/g
      : /url\(\s*['"]?([^'")]+)['"]?\s*\)/g;
  const found = [...text.matchAll(pattern)]
    .map((m) => m[1])
    .filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
  return [...new Set(found.map((u) => new URL(u, base).toString()))];
}

/** The kiosk page's first load: /kiosk/ and everything it references, fetched the way a browser would. */
export async function kioskFirstLoad(baseUrl: string): Promise<FirstLoad> {
  const files: FirstLoad['files'] = [];
  const queue: { url: string; kind: 'html' | 'css' | 'other' }[] = [
    { url: `${baseUrl}/kiosk/`, kind: 'html' },
  ];
  const done = new Set<string>();
  while (queue.length > 0) {
    const { url, kind } = queue.shift()!;
    if (done.has(url) || !url.startsWith(baseUrl)) continue;
    done.add(url);
    const res = await getGzipped(url);
    if (res.status === 404 && kind === 'html')
      throw new Unavailable('the kiosk page (/kiosk/) is not in this build');
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    files.push({ path: new URL(url).pathname, gzBytes: res.wire, rawBytes: Buffer.byteLength(res.text) });
    if (kind === 'other') continue;
    for (const asset of referencedAssets(res.text, url, kind))
      queue.push({ url: asset, kind: asset.split('?')[0].endsWith('.css') ? 'css' : 'other' });
  }
  return { gzBytes: files.reduce((n, f) => n + f.gzBytes, 0), files };
}

export interface BrowserTiming {
  /** From navigation to the first bot message on screen, on a tablet being enrolled (first ever open). */
  enrolMs: number;
  /** The same on an enrolled tablet opening a new session (assets cached, as every later child sees it). */
  sessionMs: number;
  /** Encoded response bytes Chromium received for the first open (page, assets and Direct Line calls). */
  transferredBytes: number;
}

/** Time to the first bot message in headless Chromium (test/support/browser.ts). */
export async function kioskInChromium(baseUrl: string, enrolmentCode: string): Promise<BrowserTiming> {
  const browser = await launchBrowser().catch((err: Error) => {
    throw new Unavailable(err.message, { cause: err });
  });
  try {
    const page = await browser.context.newPage();
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (req) =>
      sizes.push(
        req.sizes().then(
          (s) => s.responseBodySize,
          () => 0,
        ),
      ),
    );
    let started = performance.now();
    await page.goto(`${baseUrl}/kiosk/#enrol=${encodeURIComponent(enrolmentCode)}`);
    await page.locator('.msg.bot').first().waitFor({ timeout: 15_000 });
    const enrolMs = performance.now() - started;
    const transferredBytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);

    const next = await browser.context.newPage();
    started = performance.now();
    await next.goto(`${baseUrl}/kiosk/`);
    await next.locator('.msg.bot').first().waitFor({ timeout: 15_000 });
    return { enrolMs, sessionMs: performance.now() - started, transferredBytes };
  } finally {
    await browser.close();
  }
}
