/** The client side of queue positions: the sentences, the duration words and the live push merge. */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ticketKeys } from '../../client/features/tickets/keys.ts';
import {
  aboutDuration,
  isQueuedStatus,
  queueSentences,
} from '../../client/features/tickets/QueuePosition.tsx';
import {
  applyQueuePush,
  mergeQueuePush,
  parseQueuePush,
  type QueueInfo,
} from '../../client/features/tickets/queue-push.ts';

const info = (over: Partial<QueueInfo> = {}): QueueInfo => ({
  position: 3,
  total: 12,
  priority: 'high',
  estimatedResponseMinutes: 120,
  ...over,
});

describe('queueSentences', () => {
  it('says where the ticket is and when to expect a first response', () => {
    expect(queueSentences(info())).toEqual({
      place: 'Your ticket is #3 of 12 in the High queue',
      estimate: 'Estimated first response: about 2 hours',
    });
    expect(queueSentences(info(), { compact: true })?.place).toBe('#3 of 12 in the High queue');
  });

  it('has no estimate without history or once answered, and nothing outside a queue', () => {
    expect(queueSentences(info({ estimatedResponseMinutes: null }))?.estimate).toBeNull();
    expect(queueSentences(info(), { responded: true })?.estimate).toBeNull();
    expect(queueSentences(info({ position: null, estimatedResponseMinutes: null }))).toBeNull();
  });

  it('queues new, open and in-progress tickets only', () => {
    expect(['new', 'open', 'in_progress'].every((s) => isQueuedStatus(s as 'new'))).toBe(true);
    expect(['pending_client', 'resolved', 'closed'].some((s) => isQueuedStatus(s as 'new'))).toBe(false);
  });
});

describe('aboutDuration', () => {
  it('rounds to minutes, hours or days', () => {
    expect(aboutDuration(0.2)).toBe('about 1 minute');
    expect(aboutDuration(45)).toBe('about 45 minutes');
    expect(aboutDuration(60)).toBe('about 1 hour');
    expect(aboutDuration(150)).toBe('about 3 hours');
    expect(aboutDuration(47 * 60)).toBe('about 47 hours');
    expect(aboutDuration(3 * 24 * 60)).toBe('about 3 days');
  });
});

describe('the queue.changed push', () => {
  const push = { type: 'queue.changed', ticketId: 't1', position: 2, total: 11, priority: 'high' };

  it('is parsed strictly', () => {
    expect(parseQueuePush(push)).toEqual({ ticketId: 't1', position: 2, total: 11, priority: 'high' });
    expect(parseQueuePush({ ...push, position: null })?.position).toBeNull();
    expect(parseQueuePush({ ...push, priority: 'urgent' })).toBeNull();
    expect(parseQueuePush({ ...push, total: '11' })).toBeNull();
    expect(parseQueuePush({ ...push, ticketId: 7 })).toBeNull();
  });

  it('moves the counts at once and scales the estimate until the refetch', () => {
    expect(mergeQueuePush(info(), { position: 2, total: 11, priority: 'high' })).toEqual(
      info({ position: 2, total: 11, estimatedResponseMinutes: 80 }),
    );
    // Another queue, or out of any queue: no guess.
    expect(
      mergeQueuePush(info(), { position: 1, total: 4, priority: 'critical' }).estimatedResponseMinutes,
    ).toBeNull();
    expect(
      mergeQueuePush(info(), { position: null, total: 11, priority: 'high' }).estimatedResponseMinutes,
    ).toBeNull();
    expect(mergeQueuePush(undefined, { position: 5, total: 9, priority: 'low' })).toEqual({
      position: 5,
      total: 9,
      priority: 'low',
      estimatedResponseMinutes: null,
    });
  });

  it('updates the cached answer of that ticket only', () => {
    const client = new QueryClient();
    client.setQueryData(ticketKeys.queue('t1'), info());
    client.setQueryData(ticketKeys.queue('t2'), info());
    applyQueuePush(client, push);
    expect(client.getQueryData(ticketKeys.queue('t1'))).toMatchObject({ position: 2, total: 11 });
    expect(client.getQueryData(ticketKeys.queue('t2'))).toEqual(info());
    applyQueuePush(client, { ...push, ticketId: 't2', total: 'x' });
    expect(client.getQueryData(ticketKeys.queue('t2'))).toEqual(info());
    client.clear();
  });
});
