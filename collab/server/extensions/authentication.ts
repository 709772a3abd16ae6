/**
 * Authentication and authorisation of every document a connection opens (DESIGN.md
 * "Collaboration"): parse the name strictly, resolve the caller, ask the policy, set read-only.
 * A refusal here happens before Hocuspocus creates or loads the document, so nothing of it is
 * ever sent and no document is loaded for a name the caller may not open.
 */
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { AppContext } from '../../../server/context.ts';
import { findVisibleTicket } from '../../../server/modules/tickets/access.ts';
import { clientFacingPresence } from '../../../server/modules/tickets/client-face.ts';
import type { Actor } from '../../../server/policy/actor.ts';
import { type DocumentName, parseDocumentName } from '../../names.ts';
import { authorizeDocument } from '../authorize.ts';
import { CLOSE, type CloseReason, CollabRefusal } from '../close-reasons.ts';
import type { CollabContext, ConnectionAuth } from '../context.ts';
import type { RightsClock } from '../rights-clock.ts';
import { signedInBy } from '../session.ts';

/** The authentication extension; runs first among onAuthenticate hooks (highest priority). */
export function authenticationExtension(ctx: AppContext, clock: RightsClock): Extension<CollabContext> {
  const log = ctx.log.child({ module: 'collab' });
  const refuse = (documentName: string, close: CloseReason): never => {
    // Names are attacker-chosen: log a bounded JSON-escaped prefix only.
    log.debug({ document: documentName.slice(0, 64), reason: close.reason }, 'collab: document refused');
    throw new CollabRefusal(close);
  };

  return {
    extensionName: 'authentication',
    priority: 200,

    async onAuthenticate(data: onAuthenticatePayload<CollabContext>): Promise<Partial<CollabContext>> {
      const name = parseDocumentName(data.documentName);
      if (!name) return refuse(data.documentName, CLOSE.invalidName);

      // The provider's `token` (API clients) wins; otherwise the session the upgrade carried
      // (browsers: the cookie). Either way it is validated again now: the socket may have
      // outlived the session it was opened with.
      const token = data.token || data.context.socket.sessionToken;
      const who = token ? signedInBy(ctx, token) : null;
      if (!who) return refuse(data.documentName, CLOSE.unauthenticated);

      // Read in the same synchronous step as the rights above (see rights-clock.ts).
      const rightsTick = clock.now(who.user.id);
      const access = authorizeDocument(ctx.db, who.actor, name);
      if (!access) return refuse(data.documentName, CLOSE.forbidden);

      data.connectionConfig.readOnly = access === 'read';
      const auth: ConnectionAuth = {
        actor: who.actor,
        userId: who.user.id,
        userName: who.user.name,
        presence: presenceFor(ctx, who, name),
        sessionId: who.sessionId,
        document: name,
        access,
        rightsTick,
      };
      // Hocuspocus merges what onAuthenticate returns into this connection's context.
      return { auth };
    },
  };
}

/** The presence identity for this document (white-label on client-visible ticket documents). */
function presenceFor(
  ctx: AppContext,
  who: { actor: Actor; user: { id: string; name: string } },
  name: DocumentName,
): { id: string; name: string } {
  const self = { id: who.user.id, name: who.user.name };
  if ((name.kind !== 'ticket' && name.kind !== 'ticket_thread') || name.audience !== 'client') return self;
  const ticket = findVisibleTicket(ctx.db, who.actor, name.id);
  if (!ticket) return self;
  return clientFacingPresence(
    ctx.db,
    ctx.secretKey,
    { ...self, tenantId: who.actor.tenantId },
    ticket.tenantId,
  );
}
