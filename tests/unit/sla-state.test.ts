/** A ticket's SLA clocks: ok, near breach, breached, met, paused; 24×7 critical; policy validation. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, ZSlaPolicy } from '../../server/modules/sla/policy.ts';
import { type SlaTicket, slaFor } from '../../server/modules/sla/state.ts';

const D = (iso: string) => new Date(iso);
// Monday 2 March 2026, 09:00 GMT in London: high = 240 first response, 960 resolution.
const high = (over: Partial<SlaTicket> = {}): SlaTicket => ({
  priority: 'high',
  status: 'open',
  createdAt: D('2026-03-02T09:00:00Z'),
  firstResponseAt: null,
  resolvedAt: null,
  closedAt: null,
  ...over,
});
const at = (t: SlaTicket, now: string, pauses = [] as { from: Date; to: Date | null }[]) =>
  slaFor(t, DEFAULT_SLA_POLICY, D(now), pauses);

describe('first response', () => {
  it('is ok with time to spare, counting down in business minutes', () => {
    const s = at(high(), '2026-03-02T10:00:00Z');
    expect(s.firstResponse).toMatchObject({
      dueAt: '2026-03-02T13:00:00.000Z',
      remainingMinutes: 180,
      state: 'ok',
      met: null,
      breached: false,
    });
    expect(s.state).toBe('ok');
    expect(s.calendar).toBe('business_hours');
  });
  it('is a near breach at 20 % of the target left (48 of 240)', () => {
    expect(at(high(), '2026-03-02T12:11:00Z').firstResponse.state).toBe('ok');
    expect(at(high(), '2026-03-02T12:12:00Z').firstResponse.state).toBe('near_breach');
    expect(at(high(), '2026-03-02T12:12:00Z').state).toBe('near_breach');
  });
  it('is breached once the due time passes, with negative remaining minutes', () => {
    const s = at(high(), '2026-03-02T13:30:00Z');
    expect(s.firstResponse).toMatchObject({ breached: true, remainingMinutes: -30, state: 'breached' });
    expect(s.state).toBe('breached');
  });
  it('is met by a reply in time, and stays met', () => {
    const s = at(high({ firstResponseAt: D('2026-03-02T12:00:00Z') }), '2026-03-05T12:00:00Z');
    expect(s.firstResponse).toMatchObject({
      met: true,
      breached: false,
      remainingMinutes: 60,
      state: 'met',
      stoppedAt: '2026-03-02T12:00:00.000Z',
    });
  });
  it('a late reply stops the clock as breached', () => {
    const s = at(high({ firstResponseAt: D('2026-03-02T14:00:00Z') }), '2026-03-02T15:00:00Z');
    expect(s.firstResponse).toMatchObject({ met: false, breached: true, state: 'breached' });
    expect(s.state).toBe('breached');
  });
  it('does not run overnight: created Mon 16:00, at 23:00 still 150 minutes left', () => {
    const s = at(high({ createdAt: D('2026-03-02T16:00:00Z') }), '2026-03-02T23:00:00Z');
    expect(s.firstResponse).toMatchObject({
      dueAt: '2026-03-03T11:30:00.000Z',
      remainingMinutes: 150,
      state: 'ok',
    });
  });
});

describe('resolution', () => {
  const answered = { firstResponseAt: D('2026-03-02T09:30:00Z') };
  it('is due after 960 business minutes (Tue 16:30)', () => {
    const s = at(high(answered), '2026-03-03T09:00:00Z');
    expect(s.resolution).toMatchObject({
      dueAt: '2026-03-03T16:30:00.000Z',
      remainingMinutes: 450,
      state: 'ok',
    });
    expect(s.state).toBe('ok');
  });
  it('near breach and breach', () => {
    expect(at(high(answered), '2026-03-03T14:00:00Z').state).toBe('near_breach');
    expect(at(high(answered), '2026-03-03T17:00:00Z').state).toBe('breached');
  });
  it('resolved in time: met overall', () => {
    const s = at(
      high({ ...answered, status: 'resolved', resolvedAt: D('2026-03-03T10:00:00Z') }),
      '2026-03-09T10:00:00Z',
    );
    expect(s.resolution).toMatchObject({ met: true, state: 'met' });
    expect(s.state).toBe('met');
  });
  it('resolved late: breached, and any breached clock makes the ticket breached', () => {
    const late = high({
      ...answered,
      status: 'closed',
      resolvedAt: D('2026-03-04T10:00:00Z'),
      closedAt: D('2026-03-04T11:00:00Z'),
    });
    expect(at(late, '2026-03-09T10:00:00Z').state).toBe('breached');
    const lateReply = high({
      firstResponseAt: D('2026-03-02T14:00:00Z'),
      status: 'resolved',
      resolvedAt: D('2026-03-02T15:00:00Z'),
    });
    expect(at(lateReply, '2026-03-09T10:00:00Z').state).toBe('breached');
  });
  it('pending_client pauses it: frozen at the pause, never breaching while paused', () => {
    const s = at(high({ ...answered, status: 'pending_client' }), '2026-03-09T10:00:00Z', [
      { from: D('2026-03-02T10:00:00Z'), to: null },
    ]);
    expect(s.resolution).toMatchObject({ state: 'paused', breached: false, remainingMinutes: 900 });
    expect(s.state).toBe('paused');
  });
  it('a finished pause pushes the due time by its business minutes', () => {
    const s = at(high(answered), '2026-03-03T09:00:00Z', [
      { from: D('2026-03-02T10:00:00Z'), to: D('2026-03-02T12:00:00Z') },
    ]);
    expect(s.resolution.dueAt).toBe('2026-03-04T10:00:00.000Z');
  });
  it('a pause that starts after the breach does not un-breach it', () => {
    const s = at(high(answered), '2026-03-05T09:00:00Z', [{ from: D('2026-03-04T10:00:00Z'), to: null }]);
    expect(s.resolution.state).toBe('breached');
  });
});

describe('critical runs 24×7 by default', () => {
  it('counts a Saturday night', () => {
    const t = high({ priority: 'critical', createdAt: D('2026-03-07T23:30:00Z') });
    const s = at(t, '2026-03-08T00:20:00Z');
    expect(s.calendar).toBe('24x7');
    expect(s.firstResponse).toMatchObject({
      dueAt: '2026-03-08T00:30:00.000Z',
      remainingMinutes: 10,
      state: 'near_breach',
    });
    expect(s.resolution.dueAt).toBe('2026-03-08T03:30:00.000Z');
  });
  it('a low ticket filed at the same moment waits for Monday (510 + 450 → Tue 16:30)', () => {
    const s = at(high({ priority: 'low', createdAt: D('2026-03-07T23:30:00Z') }), '2026-03-08T00:20:00Z');
    expect(s.firstResponse.dueAt).toBe('2026-03-10T16:30:00.000Z');
  });
});

describe('ZSlaPolicy', () => {
  type Body = {
    businessHours: { timeZone: string; days: Record<string, unknown>; holidays: unknown };
    targets: Record<string, Record<string, unknown>>;
  };
  const valid = () => structuredClone(DEFAULT_SLA_POLICY) as unknown as Body;
  const problem = (body: unknown) => {
    const r = ZSlaPolicy.safeParse(body);
    return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  };
  it('accepts the defaults', () => {
    expect(problem(valid())).toBeNull();
  });
  it.each([
    [
      'bad time',
      (p: Body) => (p.businessHours.days.mon = ['9am', '17:30']),
      'businessHours.days.mon.0: Use a 24-hour time',
    ],
    [
      'end before start',
      (p: Body) => (p.businessHours.days.tue = ['17:00', '09:00']),
      'businessHours.days.tue: The end must be after the start',
    ],
    [
      'unknown zone',
      (p: Body) => (p.businessHours.timeZone = 'Mars/Olympus'),
      'businessHours.timeZone: Unknown time zone',
    ],
    [
      'negative minutes',
      (p: Body) => ((p.targets.high ?? {}).firstResponse = -5),
      'targets.high.firstResponse: Use a positive number',
    ],
    [
      'no open day',
      (p: Body) => {
        for (const d of Object.keys(p.businessHours.days)) p.businessHours.days[d] = null;
      },
      'businessHours.days: Open at least one day',
    ],
    [
      'bad holiday',
      (p: Body) => (p.businessHours.holidays = ['2026-02-30']),
      'businessHours.holidays.0: That date does not exist',
    ],
    ['missing priority', (p: Body) => delete p.targets.low, 'targets.low'],
  ])('refuses %s', (_name, mutate, expected) => {
    const p = valid();
    mutate(p);
    expect(problem(p)).toContain(expected);
  });
});
