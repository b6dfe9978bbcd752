import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { RunningApp, startTestApp } from '../support/testApp';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildKiosk } = require('../../scripts/buildKiosk.js') as { buildKiosk(o: object): Promise<unknown> };

/** GET with gzip accepted; the body's size as sent over the wire, and its text once inflated. */
function fetchRaw(
  url: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; wireBytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text =
            res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString() : raw.toString();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, wireBytes: raw.length, text });
        });
      })
      .on('error', reject);
  });
}

const enrol = (url: string, body: unknown) =>
  fetch(`${url}/kiosk/api/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('serving the kiosk page', () => {
  let running: RunningApp;
  beforeAll(async () => {
    await buildKiosk({ typeCheck: false, quiet: true });
    running = await startTestApp();
  });
  afterAll(() => running.stop());

  it('loads in at most 100 KB gzipped, all of it from this origin', async () => {
    const page = await fetchRaw(`${running.url}/kiosk/`);
    expect(page.status).toBe(200);
    // The page itself is under compression's 1 KB threshold: smaller than its gzip would save.
    expect(page.headers['content-encoding'] === 'gzip' || page.wireBytes < 1024).toBe(true);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) expect(asset).toMatch(/^\/kiosk\/assets\/[\w-]+-[A-Z0-9]{8}\.(js|css)$/);
    let total = page.wireBytes;
    for (const asset of assets) {
      const res = await fetchRaw(running.url + asset);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['cache-control']).toMatch(/immutable/);
      expect(res.text).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
      total += res.wireBytes;
    }
    console.log(
      `kiosk: first load ${total} bytes gzipped (${(total / 1024).toFixed(1)} KB): HTML, JS and CSS; system fonts only`,
    );
    expect(total).toBeLessThanOrEqual(100 * 1024);
  });

  it('is served with a strict CSP, never cached, without referrer, and has no inline script or style', async () => {
    const { headers, text } = await fetchRaw(`${running.url}/kiosk/`);
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
    expect(csp).not.toMatch(/unsafe|\*|https?:/);
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(text).not.toMatch(/\sstyle=|<style/);
  });

  it('serves the neutral page quick exit leads to, under the same rules', async () => {
    const res = await fetchRaw(`${running.url}/kiosk/neutral.html`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('id="time"');
  });

  it('answers 404 for an asset it does not have', async () => {
    expect((await fetchRaw(`${running.url}/kiosk/assets/nope-AAAAAAAA.js`)).status).toBe(404);
  });

  it('exchanges an enrolment code once for a device key, never cached', async () => {
    const { enrolmentCode } = await running.heard.devices.create('demo-facility', 'Tablet');
    const first = await enrol(running.url, { code: enrolmentCode });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const { deviceKey } = (await first.json()) as { deviceKey: string };
    expect((await running.heard.devices.verify(deviceKey)).ok).toBe(true);
    expect((await enrol(running.url, { code: enrolmentCode })).status).toBe(400);
    expect((await enrol(running.url, { code: 'short' })).status).toBe(400);
    expect((await enrol(running.url, {})).status).toBe(400);
  });

  it('on the in-memory store, prints a demo kiosk link that enrols on first open', async () => {
    const path = running.heard.kioskEnrolPath;
    expect(path).toMatch(/^\/kiosk\/#enrol=[\w-]{16,}$/);
    const code = decodeURIComponent(path!.split('#enrol=')[1]);
    expect((await enrol(running.url, { code })).status).toBe(200);
    const device = (await running.heard.devices.list('demo-facility')).find((d) => d.label === 'Demo tablet');
    expect(device?.status).toBe('active');
  });
});

describe('kiosk enrolment under attack', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.stop());

  it('stops answering code guesses from one address after 20 tries in 15 minutes', async () => {
    const statuses = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await enrol(running.url, { code: `guess-${String(i).padStart(12, '0')}` })).status);
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
