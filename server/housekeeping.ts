/** Daily chores: prune the audit log past its retention, drop expired sessions and tokens. */
import { lt } from 'drizzle-orm';
import { magicLinkTokens } from '../storage/schema.ts';
import { pruneAudit } from './audit/audit.ts';
import { deleteExpiredSessions } from './auth/sessions.ts';
import type { AppContext } from './context.ts';

const DAY = 24 * 60 * 60 * 1000;

export function runHousekeeping(ctx: AppContext): void {
  const audit = pruneAudit(ctx.db, ctx.config.auditRetentionDays);
  const sessions = deleteExpiredSessions(ctx.db);
  const tokens = ctx.db
    .delete(magicLinkTokens)
    .where(lt(magicLinkTokens.expiresAt, new Date(Date.now() - DAY)))
    .run().changes;
  ctx.log.info({ audit, sessions, tokens }, 'housekeeping done');
}

/** Runs now, then once a day; the timer does not keep the process alive. */
export function scheduleHousekeeping(ctx: AppContext): () => void {
  runHousekeeping(ctx);
  const timer = setInterval(() => runHousekeeping(ctx), DAY);
  timer.unref();
  return () => clearInterval(timer);
}
