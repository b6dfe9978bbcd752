import { Staff } from '../auth/staff';
import { can, Permission } from '../auth/permissions';
import { html, SafeHtml } from './html';

const NAV: { path: string; label: string; permission: Permission }[] = [
  { path: '/queue', label: 'Queue', permission: 'cases.read' },
  { path: '/stats', label: 'Statistics', permission: 'stats.read' },
  { path: '/audit', label: 'Audit log', permission: 'audit.read' },
  { path: '/facilities', label: 'Facilities', permission: 'facilities.manage' },
  { path: '/devices', label: 'Kiosk devices', permission: 'devices.manage' },
  { path: '/users', label: 'Users', permission: 'users.manage' },
  { path: '/content', label: 'Content', permission: 'content.read' },
];

export interface PageOptions {
  title: string;
  staff?: Staff;
  /** The nav entry to mark as current. */
  current?: string;
  /** A one-line confirmation after a change (PRG). */
  notice?: string;
  error?: string;
  /** Data for the client script, as data- attributes on <body> (escaped like everything else). */
  data?: Record<string, string>;
}

/** The frame of every page: skip link, header with nav for the user's role, sign-out, main. No inline script or style. */
export function page(opts: PageOptions, body: SafeHtml): SafeHtml {
  const { staff } = opts;
  const data = Object.entries(opts.data ?? {}).map(([k, v]) => html` data-${k.replace(/[^a-z-]/g, '')}="${v}"`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${opts.title} · heard admin</title>
<link rel="stylesheet" href="/admin/static/admin.css">
<script src="/admin/static/admin.js" defer></script>
</head>
<body${data}>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <span class="brand">heard <span class="muted">monitoring</span></span>
  ${
    staff && staff.session.stage === 'full'
      ? html`<nav aria-label="Main"><ul>${NAV.filter((n) => can(staff.user.role, n.permission)).map(
          (n) => html`<li><a href="/admin${n.path}"${n.path === opts.current ? html` aria-current="page"` : ''}>${n.label}</a></li>`,
        )}</ul></nav>
  <form class="signout" method="post" action="/admin/signout">
    <input type="hidden" name="_csrf" value="${staff.session.csrfToken}">
    <span class="who">${staff.user.email} · ${staff.user.role}</span>
    <button type="submit">Sign out</button>
  </form>`
      : ''
  }
</header>
<div id="live-alert" class="live-alert" role="alert" hidden></div>
<main id="main" tabindex="-1">
${opts.notice ? html`<p class="notice" role="status">${opts.notice}</p>` : ''}
${opts.error ? html`<p class="error" role="alert">${opts.error}</p>` : ''}
${body}
</main>
</body>
</html>`;
}

/** The hidden CSRF field every form of a signed-in page carries. */
export function csrfField(staff: Staff): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${staff.session.csrfToken}">`;
}
