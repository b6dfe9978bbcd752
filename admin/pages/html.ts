/** HTML that is already safe (built by `html`); anything else put into `html` is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = SafeHtml | string | number | boolean | null | undefined | Value[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

function render(v: Value): string {
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

/**
 * The template helper every page uses: interpolated values are escaped unless they are SafeHtml, so what a child
 * wrote can never become markup. Put values only in text or in double-quoted attributes, never in URLs or handlers
 * (URLs are built with `href`).
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0];
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1];
  });
  return new SafeHtml(out);
}

/** A link inside the admin app from fixed path parts and encoded dynamic parts; never a URL someone typed. */
export function href(path: string, params: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  const qs = q.toString();
  return `/admin${path}${qs ? `?${qs}` : ''}`;
}

/** `seg` for a dynamic path segment (an id). */
export const seg = encodeURIComponent;
