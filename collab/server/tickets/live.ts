/**
 * Ticket changes, live (REST stays the source of what a client sees). On `ticket.changed` and
 * `ticket.reply_added`:
 * - a public reply is appended to the open thread document (thread.ts);
 * - `ticket:<id>` gets `{type: 'ticket.changed', ticketId}` for client-visible changes, and
 *   `ticket:<id>:internal` — only it — `{type: 'ticket.internal_changed', ticketId}` for internal
 *   ones; no content travels, clients refetch through the policy-filtered REST API;
 * - every connected user who may see the ticket gets `{type: 'tickets.changed'}` on their user
 *   channel, so lists refresh. For an internal-only change that is only those who read internal
 *   content: a client must not even learn *when* an internal note was written.
 * Events are batched per turn of the event loop: one reply emits two events, one push goes out.
 */
import type { Extension, Hocuspocus } from '@hocuspocus/server';
import { loadActor } from '../../../server/auth/actor.ts';
import type { AppContext } from '../../../server/context.ts';
import { findVisibleTicket, ticketRefOf } from '../../../server/modules/tickets/access.ts';
import { canSeeInternalTicket } from '../../../server/policy/index.ts';
import type { Visibility } from '../../../storage/schema.ts';
import { formatDocumentName, parseDocumentName } from '../../names.ts';
import type {
  TicketChangedNotice,
  TicketInternalChangedNotice,
  TicketsChangedPush,
} from '../../stateless.ts';
import { type CollabContext, contextOf } from '../context.ts';
import { pushToUser } from '../push.ts';
import { refreshTicketThread } from './thread.ts';

/** Changed ticket → its audiences, and its org when an event said (`ticket.changed` does). */
type Changes = Map<string, { audiences: Set<Visibility>; tenantId?: string }>;

/** Sends a notice to every authorised connection on one of a ticket's documents, if it is open. */
function notify(hocuspocus: Hocuspocus<CollabContext>, ticketId: string, audience: Visibility): void {
  const name = formatDocumentName({ kind: 'ticket', id: ticketId, audience, content: 'prose' });
  const notice: TicketChangedNotice | TicketInternalChangedNotice =
    audience === 'client'
      ? { type: 'ticket.changed', ticketId }
      : { type: 'ticket.internal_changed', ticketId };
  hocuspocus.documents
    .get(name)
    ?.broadcastStateless(JSON.stringify(notice), (connection) => contextOf(connection)?.auth !== undefined);
}

/** Whether the user sees at least one of the changes (re-read from the database now). */
function seesAny(ctx: AppContext, userId: string, changes: Changes): boolean {
  const actor = loadActor(ctx.db, userId)?.actor;
  if (!actor) return false;
  for (const [ticketId, { audiences, tenantId }] of changes) {
    // A client role sees its own org's tickets only (policy tickets.ts, own_org): another org's
    // change needs no query. The policy still decides for their own org's.
    if (actor.tenantKind === 'client' && tenantId !== undefined && tenantId !== actor.tenantId) continue;
    const row = findVisibleTicket(ctx.db, actor, ticketId);
    if (row && (audiences.has('client') || canSeeInternalTicket(actor, ticketRefOf(row)))) return true;
  }
  return false;
}

/** Delivers one batch: document notices, then one push per connected user who sees a change. */
function deliver(ctx: AppContext, hocuspocus: Hocuspocus<CollabContext>, changes: Changes): void {
  for (const [ticketId, { audiences }] of changes) {
    for (const audience of audiences) notify(hocuspocus, ticketId, audience);
  }
  // Only users with a channel open on this node: cheap, and nobody else can be reached anyway.
  const push: TicketsChangedPush = { type: 'tickets.changed' };
  for (const documentName of [...hocuspocus.documents.keys()]) {
    const name = parseDocumentName(documentName);
    if (name?.kind === 'user' && seesAny(ctx, name.id, changes)) pushToUser(hocuspocus, name.id, push);
  }
}

/** The live ticket delivery extension: subscribes on configure, unsubscribes on destroy. */
export function ticketLiveExtension(ctx: AppContext): Extension<CollabContext> {
  const log = ctx.log.child({ module: 'collab' });
  let unsubscribe: (() => void)[] = [];

  return {
    extensionName: 'ticket-live',

    async onConfigure({ instance }) {
      const hocuspocus = instance as Hocuspocus<CollabContext>;
      let batch: Changes = new Map();
      const announce = (ticketId: string, visibility: Visibility, tenantId?: string) => {
        if (batch.size === 0) {
          setImmediate(() => {
            const due = batch;
            batch = new Map();
            try {
              deliver(ctx, hocuspocus, due);
            } catch (err) {
              log.error({ err }, 'collab: delivering ticket changes failed');
            }
          });
        }
        const change = batch.get(ticketId) ?? { audiences: new Set<Visibility>() };
        change.audiences.add(visibility);
        change.tenantId ??= tenantId;
        batch.set(ticketId, change);
      };
      unsubscribe = [
        ctx.events.on('ticket.changed', ({ ticketId, tenantId, visibility }) =>
          announce(ticketId, visibility, tenantId),
        ),
        ctx.events.on('ticket.reply_added', ({ ticketId, visibility }) => {
          announce(ticketId, visibility);
          if (visibility !== 'client') return;
          refreshTicketThread(hocuspocus, ctx.db, ticketId).catch((err: unknown) =>
            log.error({ err, ticketId }, 'collab: appending a reply to the thread document failed'),
          );
        }),
      ];
    },

    async onDestroy() {
      for (const off of unsubscribe) off();
      unsubscribe = [];
    },
  };
}
