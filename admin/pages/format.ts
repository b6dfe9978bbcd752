import { Report } from '../../core/cases/types';
import { html, SafeHtml } from './html';

/** "2026-11-02 10:00 UTC": staff in different places read one unambiguous time. */
export function when(iso: string | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '';
}

/** "3 h", "2 d", "45 min": a rough span for SLA timers. */
export function span(ms: number): string {
  const m = Math.round(Math.abs(ms) / 60_000);
  if (m < 90) return `${m} min`;
  const h = Math.round(m / 60);
  return h < 48 ? `${h} h` : `${Math.round(h / 24)} d`;
}

/** The SLA timer of a report: due in …, overdue by …, or done. */
export function slaCell(r: Report, now: Date): SafeHtml {
  if (r.status === 'closed') return html`<span class="muted">closed ${when(r.closedAt)}</span>`;
  const left = Date.parse(r.dueAt) - now.getTime();
  return left < 0
    ? html`<strong class="overdue"><span aria-hidden="true">⚠ </span>Overdue by ${span(left)}</strong><br><time datetime="${r.dueAt}">${when(r.dueAt)}</time>`
    : html`due in ${span(left)}<br><time datetime="${r.dueAt}">${when(r.dueAt)}</time>`;
}

export function riskBadge(risk: Report['risk']): SafeHtml {
  const label = risk === 'urgent' ? 'URGENT' : risk === 'concern' ? 'Concern' : 'No risk flagged';
  return html`<span class="badge risk-${risk}">${label}</span>`;
}

export function words(id: string): string {
  return id.replace(/_/g, ' ');
}
