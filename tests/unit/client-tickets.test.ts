import { describe, expect, it } from 'vitest';
import { applyTicketChanges } from '../../client/features/tickets/api.ts';
import { mergeConversation } from '../../client/features/tickets/conversation.ts';
import {
  audienceOf,
  categoryLabel,
  describeEvent,
  parseStatusList,
  priorityLabel,
  ticketStatusLabel,
} from '../../client/features/tickets/words.ts';
import { TICKET_STATUSES, type Ticket, type TicketEvent, type TicketReply } from '../../client/lib/types.ts';

const event = (over: Partial<TicketEvent>): TicketEvent => ({
  id: 1,
  type: 'created',
  actor: { id: 'u-sam', name: 'Sam' },
  data: {},
  visibility: 'client',
  createdAt: '2026-01-01T10:00:00.000Z',
  ...over,
});

describe('ticket words', () => {
  it('shows clients their own words for statuses, and staff the plain ones', () => {
    expect(ticketStatusLabel('new', 'client')).toBe('Received');
    expect(ticketStatusLabel('pending_client', 'client')).toBe('Waiting for you');
    expect(ticketStatusLabel('new', 'staff')).toBe('New');
    expect(ticketStatusLabel('pending_client', 'staff')).toBe('Pending client');
    expect(ticketStatusLabel('on_hold', 'staff')).toBe('On hold');
  });

  it('decides the audience from the role (words only, never permissions)', () => {
    expect(audienceOf('client')).toBe('client');
    expect(audienceOf('client_admin')).toBe('client');
    expect(audienceOf('partner_staff')).toBe('staff');
    expect(audienceOf('super_admin')).toBe('staff');
  });

  it('names priorities and categories in words', () => {
    expect(priorityLabel('critical')).toBe('Critical');
    expect(categoryLabel('general_inquiry')).toBe('General inquiry');
    expect(categoryLabel('feature_request')).toBe('Feature request');
  });

  it('reads the status filter from the URL in canonical order, ignoring unknown values', () => {
    expect(parseStatusList('resolved,new,bogus', TICKET_STATUSES)).toEqual(['new', 'resolved']);
    expect(parseStatusList(null, TICKET_STATUSES)).toEqual([]);
  });
});

describe('timeline sentences', () => {
  it('says who changed what, from what, to what, in the reader’s words', () => {
    const change = event({ type: 'status_changed', data: { from: 'new', to: 'in_progress' } });
    expect(describeEvent(change, 'staff')).toBe('Sam changed status from New to In progress');
    const waiting = event({ type: 'status_changed', data: { from: 'open', to: 'pending_client' } });
    expect(describeEvent(waiting, 'client')).toBe('Sam changed status from Open to Waiting for you');
    expect(
      describeEvent(event({ type: 'priority_changed', data: { from: 'low', to: 'high' } }), 'staff'),
    ).toBe('Sam changed priority from Low to High');
  });

  it('calls the reader "You" and an actor-less change the portal’s', () => {
    expect(describeEvent(event({ type: 'created' }), 'staff', 'u-sam')).toBe('You opened the ticket');
    expect(describeEvent(event({ type: 'created', actor: null }), 'staff')).toBe(
      'The portal opened the ticket',
    );
    expect(
      describeEvent(event({ type: 'created', actor: { id: null, name: 'Acme Agency' } }), 'client', 'u-x'),
    ).toBe('Acme Agency opened the ticket');
  });

  it('describes assignments and replies, internal notes as such', () => {
    const assign = event({
      type: 'assignee_changed',
      data: { from: null, to: { id: 'u-tara', name: 'Tara' } },
    });
    expect(describeEvent(assign, 'staff')).toBe('Sam assigned the ticket to Tara');
    expect(describeEvent(assign, 'staff', 'u-tara')).toBe('Sam assigned the ticket to you');
    const take = event({ type: 'assignee_changed', data: { from: null, to: { id: 'u-sam', name: 'Sam' } } });
    expect(describeEvent(take, 'staff')).toBe('Sam took the ticket');
    const unassign = event({
      type: 'assignee_changed',
      data: { from: { id: 'u-tara', name: 'Tara' }, to: null },
    });
    expect(describeEvent(unassign, 'staff')).toBe('Sam unassigned Tara');
    expect(describeEvent(event({ type: 'reply_added' }), 'client')).toBe('Sam replied');
    expect(describeEvent(event({ type: 'reply_added', visibility: 'internal' }), 'staff')).toBe(
      'Sam added an internal note',
    );
    expect(describeEvent(event({ type: 'sla_breached' }), 'staff')).toBe('Sam: sla breached');
  });
});

describe('the conversation', () => {
  const rest = (id: string, createdAt: string, over: Partial<TicketReply> = {}): TicketReply => ({
    id,
    author: { id: null, name: 'Acme Agency', role: null },
    visibility: 'client',
    body: `rest ${id}`,
    createdAt,
    ...over,
  });
  const live = (id: string, createdAt: string) => ({
    id,
    authorId: 'u-sam',
    authorName: 'Sam Staff',
    body: `live ${id}`,
    createdAt,
  });

  it('takes REST’s policy-filtered reply where both have it, and live replies REST has not returned yet', () => {
    const merged = mergeConversation(
      [live('r1', '2026-01-01T10:00:00Z'), live('r3', '2026-01-01T12:00:00Z')],
      [rest('r1', '2026-01-01T10:00:00Z'), rest('n2', '2026-01-01T11:00:00Z', { visibility: 'internal' })],
    );
    expect(merged.map((entry) => [entry.id, entry.authorName, entry.visibility])).toEqual([
      ['r1', 'Acme Agency', 'client'],
      ['n2', 'Acme Agency', 'internal'],
      ['r3', 'Sam Staff', 'client'],
    ]);
  });

  it('shows the live thread alone while REST is still loading', () => {
    expect(mergeConversation([live('r1', '2026-01-01T10:00:00Z')], undefined)).toHaveLength(1);
  });
});

describe('optimistic ticket changes', () => {
  const ticket = {
    id: 't1',
    status: 'new',
    priority: 'low',
    category: 'billing',
    assignee: { id: 'u-sam', name: 'Sam' },
  } as Ticket;

  it('applies status, priority, category and a known assignee', () => {
    const next = applyTicketChanges(ticket, { status: 'open', assigneeId: 'u-tara' }, [
      { id: 'u-tara', name: 'Tara' },
    ]);
    expect(next.status).toBe('open');
    expect(next.assignee).toEqual({ id: 'u-tara', name: 'Tara' });
    expect(ticket.status).toBe('new');
  });

  it('unassigns with null and keeps the old assignee for an unknown id (the server answers soon)', () => {
    expect(applyTicketChanges(ticket, { assigneeId: null }).assignee).toBeNull();
    expect(applyTicketChanges(ticket, { assigneeId: 'u-who' }).assignee).toEqual(ticket.assignee);
  });
});
