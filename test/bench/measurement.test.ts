import { referencedAssets } from './kioskBench';
import { percentile, Recorder } from './latency';
import { parseOptions, UsageError } from './options';
import { cpuTicksFromStat, kbField } from './procStat';
import { commandCalls, commandDelta } from './redisStats';

describe('bench measurement helpers', () => {
  it('takes percentiles by nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
  });

  it('counts the requests that end inside the measurement window, with their whole latency', () => {
    const r = new Recorder();
    r.start(100);
    r.stop(200);
    r.record('a', 40, 90);
    r.record('a', 90, 110);
    r.record('a', 120, 150);
    r.record('b', 190, 210);
    expect(r.count).toBe(2);
    expect(r.all()).toMatchObject({ n: 2, p50: 20, max: 30 });
    expect(r.windowMs).toBe(100);
  });

  it('reads Redis command counts and subtracts its own INFO calls', () => {
    const before = commandCalls(
      '# Commandstats\r\ncmdstat_get:calls=10,usec=5\r\ncmdstat_info:calls=3,usec=1\r\n',
    );
    const after = commandCalls(
      '# Commandstats\r\ncmdstat_get:calls=25,usec=9\r\ncmdstat_info:calls=4,usec=1\r\ncmdstat_set:calls=2,usec=1\r\n',
    );
    expect(commandDelta(before, after, 1)).toEqual({ get: 15, set: 2 });
  });

  it('reads CPU ticks and memory from /proc text, even with spaces in the command name', () => {
    const stat = `42 (node server) S ${Array.from({ length: 20 }, (_, i) => (i === 10 ? 300 : i === 11 ? 45 : 0)).join(' ')}`;
    expect(cpuTicksFromStat(stat)).toBe(345);
    expect(kbField('Name:\tnode\nVmRSS:\t  2048 kB\n', 'VmRSS')).toBe(2048 * 1024);
  });

  it('finds the assets a page and its stylesheet load, and skips inline data', () => {
    const html =
      '<link rel="stylesheet" href="/kiosk/assets/a.css"><script defer src="assets/b.js"></script><img src="data:image/png;base64,x">';
    expect(referencedAssets(html, 'http://h/kiosk/', 'html')).toEqual([
      'http://h/kiosk/assets/a.css',
      'http://h/kiosk/assets/b.js',
    ]);
    expect(
      referencedAssets('body{background:url("font.woff2")}', 'http://h/kiosk/assets/a.css', 'css'),
    ).toEqual(['http://h/kiosk/assets/font.woff2']);
  });

  it('refuses unknown arguments and a bad concurrency, with the usage', () => {
    expect(parseOptions(['--quick', '--json'])).toMatchObject({ quick: true, json: true, concurrency: 50 });
    expect(parseOptions(['--concurrency', '8', '--profile', 'prof'])).toMatchObject({
      concurrency: 8,
      profileDir: 'prof',
      quick: false,
    });
    expect(() => parseOptions(['--fast'])).toThrow(UsageError);
    expect(() => parseOptions(['--concurrency', '0'])).toThrow('--concurrency must be');
  });
});
