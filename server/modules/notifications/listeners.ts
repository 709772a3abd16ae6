/**
 * Starts the notification centre: the ticket event listeners and the hourly digest timer.
 * Called once when the portal starts (server/server.ts); the returned function stops both.
 * A listener never throws into the command that emitted the event: failures are logged.
 */
import type { AppContext } from '../../context.ts';
import { sendDigests } from './digest.ts';
import { onAssigned, onReplyAdded, onSlaAlert, onStatusChanged } from './triggers.ts';

const HOUR = 60 * 60 * 1000;

export function startNotifications(ctx: AppContext): () => void {
  const guarded =
    <T>(name: string, run: (event: T) => void) =>
    (event: T) => {
      try {
        run(event);
      } catch (err) {
        ctx.log.error({ err, event: name }, 'notification listener failed');
      }
    };
  const stops = [
    ctx.events.on(
      'ticket.reply_added',
      guarded('ticket.reply_added', (e) => onReplyAdded(ctx, e.replyId)),
    ),
    ctx.events.on(
      'ticket.status_changed',
      guarded('ticket.status_changed', (e) => onStatusChanged(ctx, e.ticketId, e.actorId, e.to)),
    ),
    ctx.events.on(
      'ticket.assigned',
      guarded('ticket.assigned', (e) => onAssigned(ctx, e.ticketId, e.actorId, e.assigneeId)),
    ),
    ctx.events.on(
      'sla.alert',
      guarded('sla.alert', (e) => onSlaAlert(ctx, e.ticketId, e.target, e.level)),
    ),
  ];
  const timer = setInterval(() => {
    sendDigests(ctx, new Date()).catch((err: unknown) => ctx.log.error({ err }, 'daily digest failed'));
  }, HOUR);
  timer.unref();
  return () => {
    clearInterval(timer);
    for (const stop of stops) stop();
  };
}
