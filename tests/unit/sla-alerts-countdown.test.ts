/** The SLA countdown's words (client/features/tickets/SlaBadge.tsx): never colour alone. */
import { describe, expect, it } from 'vitest';
import {
  clockText,
  formatSpan,
  type SlaClockView,
  slaSummary,
  type TicketSla,
} from '../../client/features/tickets/SlaBadge.tsx';

const NOW = new Date('2026-03-02T10:00:00Z');
const clock = (minutesFromNow: number, state: SlaClockView['state'], stoppedAt: string | null = null) => ({
  targetMinutes: 60,
  dueAt: new Date(NOW.getTime() + minutesFromNow * 60_000).toISOString(),
  stoppedAt,
  state,
});

describe('formatSpan', () => {
  it.each([
    [30_000, 'under a minute'],
    [35 * 60_000, '35m'],
    [130 * 60_000, '2h 10m'],
    [120 * 60_000, '2h'],
    [(3 * 24 + 4) * 3_600_000, '3d 4h'],
    [-35 * 60_000, '35m'],
  ])('%i ms → %s', (ms, text) => expect(formatSpan(ms)).toBe(text));
});

describe('clockText', () => {
  it('says due, near breach, breached, paused and met in words, each with its tone', () => {
    expect(clockText('Response', clock(130, 'ok'), NOW)).toMatchObject({
      text: 'Response due in 2h 10m',
      tone: 'neutral',
    });
    expect(clockText('Response', clock(9, 'near_breach'), NOW)).toMatchObject({
      text: 'Near breach · response due in 9m',
      tone: 'warning',
    });
    expect(clockText('Response', clock(-35, 'breached'), NOW, true)).toMatchObject({
      text: 'Breached 35m ago',
      tone: 'danger',
    });
    expect(clockText('Resolution', clock(100, 'paused'), NOW).tone).toBe('info');
    expect(clockText('Response', clock(-5, 'breached', NOW.toISOString()), NOW).text).toBe(
      'Response target missed',
    );
    expect(clockText('Response', clock(5, 'met', NOW.toISOString()), NOW)).toMatchObject({ tone: 'success' });
  });
});

describe('slaSummary', () => {
  const sla = (firstResponse: SlaClockView, resolution: SlaClockView): TicketSla => ({
    firstResponse,
    resolution,
    state: 'ok',
  });
  it('follows the first response, then the resolution, then the outcome', () => {
    expect(slaSummary(sla(clock(20, 'ok'), clock(200, 'ok')), NOW).clock).toBe('Response');
    expect(slaSummary(sla(clock(-20, 'met', NOW.toISOString()), clock(200, 'ok')), NOW).clock).toBe(
      'Resolution',
    );
    // Resolved without a reply: the first-response clock never stopped, but nothing is due.
    const resolved = slaSummary(sla(clock(20, 'ok'), clock(200, 'met', NOW.toISOString())), NOW);
    expect([resolved.clock, resolved.text.text]).toEqual(['Overall', 'SLA met']);
    const late = slaSummary(
      sla(clock(-20, 'breached', NOW.toISOString()), clock(200, 'met', NOW.toISOString())),
      NOW,
    );
    expect(late.text.text).toBe('SLA missed');
  });
});
