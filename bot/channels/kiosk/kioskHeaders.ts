import { Request, RequestHandler } from 'express';

/**
 * The kiosk page's headers: a strict CSP (scripts, styles and connections to this origin only: no CDN, no inline
 * script, no third party), nothing cached, no referrer, no framing, and no camera, microphone or location.
 */
export function kioskPageHeaders(production: boolean): RequestHandler {
  return (req, res, next) => {
    res.set({
      'Content-Security-Policy': [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        `connect-src 'self'${webSocketSelf(req)}`,
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'none'",
        "worker-src 'none'",
        "manifest-src 'none'",
      ].join('; '),
      'Cache-Control': 'no-store',
      Pragma: 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    });
    if (production) res.set('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}

/** Older browsers do not count ws(s) of this origin as 'self', so it is named too (only a well-formed host). */
function webSocketSelf(req: Request): string {
  const host = req.get('host') ?? '';
  if (!/^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9a-fA-F:]{2,39}\](:\d{1,5})?$/.test(host)) return '';
  return ` ${req.secure ? 'wss' : 'ws'}://${host}`;
}
