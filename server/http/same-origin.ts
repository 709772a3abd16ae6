/**
 * Cross-site request refusal for every state-changing request. Browsers send Sec-Fetch-Site
 * (or at least Origin) on such requests; a request with neither comes from a non-browser client
 * and is allowed only when it carries no session cookie, so nothing ambient can be abused.
 */
import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/cookie.ts';
import { AppError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function assertSameOrigin(req: FastifyRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const refuse = (): never => {
    throw new AppError(403, 'cross_site_request', 'This request did not come from the portal itself.');
  };
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    if (site !== 'same-origin' && site !== 'none') refuse();
    return;
  }
  const origin = req.headers.origin;
  if (typeof origin === 'string') {
    const originHost = URL.canParse(origin) ? new URL(origin).host : refuse();
    // The portal answers on many hosts (subdomains, custom domains): same-origin means the
    // Origin names the very host the request was sent to.
    if (originHost !== req.headers.host) refuse();
    return;
  }
  if (req.cookies[SESSION_COOKIE] && !req.headers.authorization) refuse();
}
