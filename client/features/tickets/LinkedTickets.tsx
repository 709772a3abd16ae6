/**
 * Links and merges on the ticket page: a banner on a merged ticket pointing to the ticket that
 * survived (for anyone who may see that one), and for the service side a "Linked tickets" card
 * listing the links with Link and Merge actions. What is offered comes from the answer's
 * abilities; links are internal, so a client never gets the card.
 */
import '../../styles/ticket-tools.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, FormError } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Skeleton } from '../../components/Spinner.tsx';
import { describeError } from '../../lib/errors.ts';
import type { Ticket } from '../../lib/types.ts';
import {
  type TicketLinks,
  type TicketLinkView,
  useLinkTicket,
  useMergeTicket,
  useTicketLinks,
  useUnlinkTicket,
} from './api.ts';
import { TicketStatusBadge } from './TicketBadges.tsx';
import type { Audience } from './words.ts';

const KIND_LABEL: Record<TicketLinkView['kind'], string> = { related: 'Related', duplicate: 'Duplicate' };

export function LinkedTickets({ ticket, audience }: { ticket: Ticket; audience: Audience }) {
  const links = useTicketLinks(ticket.id);
  const data = links.data;
  // The card is the service side's; a client only ever sees the banner.
  const showCard = ticket.abilities.seeInternal;
  return (
    <>
      {data?.mergedInto ? (
        <Alert tone="info" title="This ticket was merged">
          It continues in{' '}
          <Link to={`/tickets/${data.mergedInto.id}`}>
            <span className="ticket-key">{data.mergedInto.key}</span> {data.mergedInto.subject}
          </Link>
          . This conversation stays here for reference.
        </Alert>
      ) : null}
      {showCard ? <LinksCard ticket={ticket} audience={audience} query={links} /> : null}
    </>
  );
}

function LinksCard({
  ticket,
  audience,
  query,
}: {
  ticket: Ticket;
  audience: Audience;
  query: ReturnType<typeof useTicketLinks>;
}) {
  const [dialog, setDialog] = useState<'link' | 'merge' | null>(null);
  const unlink = useUnlinkTicket(ticket.id);
  const data: TicketLinks | undefined = query.data;
  return (
    <Card
      title="Linked tickets"
      id="ticket-links"
      actions={
        data ? (
          <div className="row">
            {data.abilities.link ? (
              <Button size="s" icon="plus" onClick={() => setDialog('link')}>
                Link
              </Button>
            ) : null}
            {data.abilities.merge ? (
              <Button size="s" onClick={() => setDialog('merge')}>
                Merge
              </Button>
            ) : null}
          </div>
        ) : null
      }
    >
      {query.isPending ? (
        <div className="stack-s" role="status" aria-busy="true">
          <span className="visually-hidden">Loading linked tickets…</span>
          <Skeleton width="70%" />
        </div>
      ) : query.isError ? (
        <p className="field-hint" role="alert">
          Linked tickets couldn’t be loaded: {describeError(query.error)}{' '}
          <button type="button" className="link-button" onClick={() => void query.refetch()}>
            Try again
          </button>
        </p>
      ) : data && data.links.length > 0 ? (
        <ul className="linked-tickets">
          {data.links.map((link) => (
            <li key={link.id} className="linked-ticket">
              <span className="linked-ticket-main">
                <span className="ticket-key">{link.ticket.key}</span>
                <Link to={`/tickets/${link.ticket.id}`}>{link.ticket.subject}</Link>
              </span>
              <span className="linked-ticket-meta">
                <TicketStatusBadge status={link.ticket.status} audience={audience} />
                <Badge tone={link.kind === 'duplicate' ? 'warning' : 'neutral'}>
                  {link.merge ? 'Merged' : KIND_LABEL[link.kind]}
                </Badge>
                {link.abilities.remove ? (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove the link to ${link.ticket.key}`}
                    disabled={unlink.isPending}
                    onClick={() => unlink.mutate(link)}
                  >
                    <Icon name="x" size={16} />
                  </button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="subtle">No linked tickets.</p>
      )}
      <FormError
        message={unlink.isError ? `The link wasn’t removed: ${describeError(unlink.error)}` : null}
      />
      <LinkDialog ticket={ticket} open={dialog === 'link'} onClose={() => setDialog(null)} />
      <MergeDialog ticket={ticket} open={dialog === 'merge'} onClose={() => setDialog(null)} />
    </Card>
  );
}

function LinkDialog({ ticket, open, onClose }: { ticket: Ticket; open: boolean; onClose: () => void }) {
  const [key, setKey] = useState('');
  const [kind, setKind] = useState<TicketLinkView['kind']>('related');
  const link = useLinkTicket(ticket.id);
  const close = () => {
    setKey('');
    setKind('related');
    link.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Link ${ticket.key} to another ticket`}
      description="Only tickets of the same organisation can be linked."
      size="s"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          link.mutate({ ticketKeyOrId: key.trim(), kind }, { onSuccess: close });
        }}
      >
        <DialogBody>
          <TextField
            label="Ticket key"
            value={key}
            required
            maxLength={40}
            autoComplete="off"
            placeholder="e.g. ACME-1002"
            onChange={(event) => setKey(event.target.value)}
          />
          <SelectField
            label="Kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as TicketLinkView['kind'])}
            options={[
              { value: 'related', label: 'Related' },
              { value: 'duplicate', label: 'Duplicate' },
            ]}
          />
          <FormError message={link.isError ? describeError(link.error) : null} />
        </DialogBody>
        <DialogFooter>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" pending={link.isPending} disabled={key.trim() === ''}>
            Link
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

/** Two steps: name the surviving ticket, then confirm with both tickets named. */
function MergeDialog({ ticket, open, onClose }: { ticket: Ticket; open: boolean; onClose: () => void }) {
  const [key, setKey] = useState('');
  const [confirming, setConfirming] = useState(false);
  const merge = useMergeTicket(ticket.id);
  const target = key.trim().toUpperCase();
  const close = () => {
    setKey('');
    setConfirming(false);
    merge.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={`Merge ${ticket.key} into another ticket`} size="s">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!confirming) setConfirming(true);
          else merge.mutate(target, { onSuccess: close });
        }}
      >
        <DialogBody>
          {confirming ? (
            <div className="stack-s">
              <p>
                Merge <strong>{ticket.key}</strong> “{ticket.subject}” into <strong>{target}</strong>?
              </p>
              <p className="subtle">
                {ticket.key} will be closed and marked as a duplicate of {target}. Its conversation and
                documents stay on {ticket.key}; both timelines record the merge, and the client sees it. A
                merge cannot be undone.
              </p>
            </div>
          ) : (
            <TextField
              label="Merge into ticket"
              hint="The key of the ticket that continues, in the same organisation."
              value={key}
              required
              maxLength={40}
              autoComplete="off"
              placeholder="e.g. ACME-1002"
              onChange={(event) => setKey(event.target.value)}
            />
          )}
          <FormError message={merge.isError ? describeError(merge.error) : null} />
        </DialogBody>
        <DialogFooter>
          {confirming ? (
            <Button
              onClick={() => {
                setConfirming(false);
                merge.reset();
              }}
            >
              Back
            </Button>
          ) : (
            <Button onClick={close}>Cancel</Button>
          )}
          <Button
            type="submit"
            variant={confirming ? 'danger' : 'primary'}
            pending={merge.isPending}
            disabled={target === ''}
          >
            {confirming ? `Merge into ${target}` : 'Continue'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
