import { escapeHtml, href, html, SafeHtml } from '../../../admin/pages/html';
import { toCsv } from '../../../admin/stats/csv';

describe('the HTML template helper', () => {
  it('escapes every interpolated value, including in attributes', () => {
    const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)> ' \``;
    const out = html`<div title="${hostile}">${hostile}</div>`.toString();
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).toBe(`<div title="${escapeHtml(hostile)}">${escapeHtml(hostile)}</div>`);
  });

  it('passes SafeHtml through and escapes each item of a list', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${['<a>', inner]}</p>`.toString()).toBe('<p><b>&lt;i&gt;</b>&lt;a&gt;<b>&lt;i&gt;</b></p>');
    expect(new SafeHtml('<br>').toString()).toBe('<br>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`${null}${undefined}${false}${0}`.toString()).toBe('0');
  });

  it('builds admin links with encoded parameters only', () => {
    expect(href('/queue', { facility: 'a&b', locale: undefined })).toBe('/admin/queue?facility=a%26b');
  });
});

describe('CSV export', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    const csv = toCsv(['a', 'b'], [['=HYPERLINK("http://evil")', 'x,y'], ['+1', '-2'], ['@SUM(A1)', 'line\nbreak'], [3, undefined]]);
    expect(csv.split('\r\n')).toEqual(['a,b', `"'=HYPERLINK(""http://evil"")","x,y"`, "'+1,'-2", `'@SUM(A1),"line\nbreak"`, '3,', '']);
  });
});
