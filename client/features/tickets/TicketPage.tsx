/**
 * One ticket, live. Phones stack header, controls, description, conversation (composer sticky at
 * the bottom), then internal notes and activity; from 1100 px the last two move to a side column.
 * Three documents are open while the page is: the description, the public thread and (for the
 * team) the internal notes; their stateless pushes refetch the ticket's REST data.
 */
import '../../styles/tickets.css';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useParams } from 'react-router';
import { presenceColor } from '../../../collab/presence.ts';
import { useMe } from '../../app/me.tsx';
import { ConnectionStatus } from '../../collab/ConnectionStatus.tsx';
import type { StatelessMessage } from '../../collab/document.ts';
import { whenPageIdle } from '../../collab/loadCollab.ts';
import { PresenceAvatars } from '../../collab/PresenceAvatars.tsx';
import { useThreadReplies } from '../../collab/thread.ts';
import { useCollabDocument } from '../../collab/useCollabDocument.ts';
import { usePresence } from '../../collab/usePresence.ts';
import { Alert } from '../../components/Alert.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { ApiError } from '../../lib/api.ts';
import type { Ticket } from '../../lib/types.ts';
import { CsatCard } from '../csat/CsatCard.tsx';
import { useTicket, useTicketReplies } from './api.ts';
import { AttachmentsPanel } from './attachments/AttachmentsPanel.tsx';
import { Conversation } from './Conversation.tsx';
import { mergeConversation } from './conversation.ts';
import { ticketKeys } from './keys.ts';
import { LinkedTickets } from './LinkedTickets.tsx';
import { LiveEditor, loadEditor } from './LiveEditor.tsx';
import { QueuePosition } from './QueuePosition.tsx';
import { SlaCountdown } from './SlaBadge.tsx';
import { PriorityBadge, TicketStatusBadge } from './TicketBadges.tsx';
import { TicketControls } from './TicketControls.tsx';
import { TicketFacts, useChangeAnnouncement } from './TicketFacts.tsx';
import { Timeline } from './Timeline.tsx';
import { audienceOf } from './words.ts';

const BACK = { to: '/tickets', label: 'Tickets' };

export default function TicketPage() {
  const { id } = useParams();
  const ticket = useTicket(id);
  // Loaded once the page is known to be a ticket and has gone idle (with the collaboration code,
  // collab/loadCollab.ts), in parallel with the documents' first sync: never before first paint.
  useEffect(() => {
    void whenPageIdle().then(loadEditor);
  }, []);

  if (ticket.isPending) {
    return (
      <>
        <PageHeader title="Ticket" back={BACK} />
        <SkeletonCard lines={5} label="Loading the ticket…" />
      </>
    );
  }
  // A refetch that finds the ticket gone (404) means access was lost while the page was open.
  const gone = ticket.isError && ticket.error instanceof ApiError && ticket.error.status === 404;
  if (gone && ticket.data) {
    return (
      <>
        <PageHeader title="Ticket" back={BACK} />
        <div className="card" role="alert">
          <EmptyState
            icon="shield"
            title="You no longer have access to this ticket"
            action={<ButtonLink to="/tickets">Back to tickets</ButtonLink>}
          >
            It may have been moved to another organisation, or your access changed.
          </EmptyState>
        </div>
      </>
    );
  }
  if (!ticket.data) {
    return (
      <>
        <PageHeader title="Ticket" back={BACK} />
        <div className="card">
          <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} />
        </div>
      </>
    );
  }
  return <TicketView key={ticket.data.id} ticket={ticket.data} />;
}

function TicketView({ ticket }: { ticket: Ticket }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const audience = audienceOf(me.user.role);
  const presence = useMemo(
    () => ({ id: me.user.id, name: me.user.name || me.user.email, color: presenceColor(me.user.id) }),
    [me.user.id, me.user.name, me.user.email],
  );

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ticketKeys.ticket(ticket.id) });
  }, [queryClient, ticket.id]);
  const onStateless = useCallback(
    (message: StatelessMessage) => {
      if (
        message.type === 'ticket.changed' ||
        message.type === 'ticket.internal_changed' ||
        message.type === 'access.changed'
      ) {
        refresh();
      }
    },
    [refresh],
  );

  const description = useCollabDocument(ticket.documents.description, { presence, onStateless });
  const thread = useCollabDocument(ticket.documents.thread, { onStateless });
  const internal = useCollabDocument(ticket.documents.internal, { presence, onStateless });
  const here = usePresence(description.document, me.user.id);
  const internalHere = usePresence(internal.document, me.user.id);

  const liveReplies = useThreadReplies(thread.document?.doc ?? null);
  const replies = useTicketReplies(ticket.id);
  const entries = useMemo(() => mergeConversation(liveReplies, replies.data), [liveReplies, replies.data]);

  // A refused document: ask REST whether the ticket itself is still ours (a 404 ends the page).
  useEffect(() => {
    if (description.state.refusal === 'no-access') refresh();
  }, [description.state.refusal, refresh]);

  // The server never upgrades a read-only connection in place: when the ticket starts saying we
  // may edit (it said no before), re-authenticate once to get a writable connection. Only on that
  // change, so a server whose two answers disagree can never cause a re-authentication loop.
  const canEdit = ticket.abilities.editDescription;
  const couldEdit = useRef(canEdit);
  const descriptionDoc = description.document;
  useEffect(() => {
    const before = couldEdit.current;
    couldEdit.current = canEdit;
    if (!before && canEdit && descriptionDoc?.getState().readOnly) descriptionDoc.reauthenticate();
  }, [canEdit, descriptionDoc]);

  const announcement = useChangeAnnouncement(ticket, audience);

  return (
    <>
      <PageHeader
        title={ticket.subject}
        back={BACK}
        meta={
          <span className="row">
            <span className="ticket-key">{ticket.key}</span>
            <TicketStatusBadge status={ticket.status} audience={audience} />
            <PriorityBadge priority={ticket.priority} />
          </span>
        }
      />
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>

      <div className="ticket-page">
        <TicketFacts ticket={ticket} audience={audience} />
        {/* First after the facts: on a merged ticket its banner is what a client needs to see. */}
        <LinkedTickets ticket={ticket} audience={audience} />
        {audience === 'client' ? (
          <QueuePosition
            ticketId={ticket.id}
            status={ticket.status}
            responded={ticket.firstResponseAt !== null}
          />
        ) : null}
        <SlaCountdown ticket={ticket} />
        <TicketControls ticket={ticket} audience={audience} />
        <CsatCard ticket={ticket} />
        {audience === 'client' && ticket.status === 'pending_client' && ticket.abilities.reply ? (
          <Alert tone="warning" title="We’re waiting for your reply">
            The team needs something from you to carry on. Answer in the conversation below.
          </Alert>
        ) : null}

        <div className="ticket-layout">
          <div className="ticket-main">
            <section className="card" aria-labelledby="ticket-description-title">
              <header className="card-header">
                <h2 className="card-title" id="ticket-description-title">
                  Description
                </h2>
                <div className="card-actions live-bar">
                  <PresenceAvatars users={here} label="Viewing this ticket" />
                  <ConnectionStatus state={description.state} label="Description connection" />
                </div>
              </header>
              <div className="card-body">
                <LiveEditor
                  open={description}
                  user={presence}
                  canEdit={ticket.abilities.editDescription}
                  label="Ticket description"
                  placeholder="Describe the problem: what happened, what you expected, and any steps to see it."
                  emptyText="No description yet."
                  what="this ticket"
                  previewText={ticket.descriptionText}
                />
              </div>
            </section>
            <AttachmentsPanel ticket={ticket} />
            <Conversation ticket={ticket} entries={entries} loading={replies.isPending} />
          </div>

          <div className="ticket-side">
            {ticket.documents.internal ? (
              <section className="card card-internal" aria-labelledby="ticket-internal-title">
                <header className="card-header">
                  <div className="card-heading">
                    <h2 className="card-title" id="ticket-internal-title">
                      <span className="internal-tag">Internal</span> Notes
                    </h2>
                    <p className="card-description">Only your team sees these. Never shown to the client.</p>
                  </div>
                  <div className="card-actions live-bar">
                    <PresenceAvatars users={internalHere} label="Viewing internal notes" />
                    <ConnectionStatus state={internal.state} label="Internal notes connection" />
                  </div>
                </header>
                <div className="card-body">
                  <LiveEditor
                    open={internal}
                    user={presence}
                    canEdit
                    label="Internal notes"
                    placeholder="Notes for the team: findings, next steps, context."
                    emptyText="No internal notes yet."
                    what="the internal notes"
                  />
                </div>
              </section>
            ) : null}
            <Timeline ticket={ticket} audience={audience} />
          </div>
        </div>
      </div>
    </>
  );
}
