/** Business-hours arithmetic across closing time, nights, weekends, holidays and DST days. */
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  type BusinessHours,
  businessMinutesBetween,
  zonedTimeToUtc,
} from '../../server/modules/sla/clock.ts';

const D = (iso: string) => new Date(iso);
const weekdays = (open: string, close: string, timeZone: string, holidays: string[] = []): BusinessHours => {
  const w = [open, close] as const;
  return { timeZone, days: { mon: w, tue: w, wed: w, thu: w, fri: w, sat: null, sun: null }, holidays };
};
const everyDay = (open: string, close: string, timeZone: string): BusinessHours => {
  const w = [open, close] as const;
  return { timeZone, days: { mon: w, tue: w, wed: w, thu: w, fri: w, sat: w, sun: w } };
};
const LONDON = weekdays('09:00', '17:30', 'Europe/London');
const NEW_YORK = weekdays('09:00', '17:00', 'America/New_York');

describe('addBusinessMinutes, London 09:00–17:30 (March 2026 is GMT until the 29th)', () => {
  it('carries Friday afternoon over the weekend: Fri 16:30 + 120 → Mon 10:00', () => {
    expect(addBusinessMinutes(D('2026-03-06T16:30:00Z'), 120, LONDON)).toEqual(D('2026-03-09T10:00:00Z'));
  });
  it('with a 17:00 close the same 120 minutes end at Mon 10:30', () => {
    const h = weekdays('09:00', '17:00', 'Europe/London');
    expect(addBusinessMinutes(D('2026-03-06T16:30:00Z'), 120, h)).toEqual(D('2026-03-09T10:30:00Z'));
  });
  it('ending exactly at closing time stays on that day', () => {
    expect(addBusinessMinutes(D('2026-03-06T16:30:00Z'), 60, LONDON)).toEqual(D('2026-03-06T17:30:00Z'));
  });
  it('a start at night counts from the next opening', () => {
    expect(addBusinessMinutes(D('2026-03-03T22:00:00Z'), 30, LONDON)).toEqual(D('2026-03-04T09:30:00Z'));
    expect(addBusinessMinutes(D('2026-03-03T06:00:00Z'), 30, LONDON)).toEqual(D('2026-03-03T09:30:00Z'));
  });
  it('a weekend start counts from Monday', () => {
    expect(addBusinessMinutes(D('2026-03-07T12:00:00Z'), 45, LONDON)).toEqual(D('2026-03-09T09:45:00Z'));
  });
  it('spans several days', () => {
    // 960 = 510 (Mon) + 450 (Tue).
    expect(addBusinessMinutes(D('2026-03-02T09:00:00Z'), 960, LONDON)).toEqual(D('2026-03-03T16:30:00Z'));
  });
  it('skips holidays', () => {
    const h = weekdays('09:00', '17:30', 'Europe/London', ['2026-03-09']);
    expect(addBusinessMinutes(D('2026-03-06T16:30:00Z'), 120, h)).toEqual(D('2026-03-10T10:00:00Z'));
  });
  it('uses summer time after the spring-forward weekend: Fri 17:00 GMT + 60 → Mon 09:30 BST', () => {
    expect(addBusinessMinutes(D('2026-03-27T17:00:00Z'), 60, LONDON)).toEqual(D('2026-03-30T08:30:00Z'));
  });
  it('and winter time after the fall-back weekend: Fri 17:00 BST + 60 → Mon 09:30 GMT', () => {
    expect(addBusinessMinutes(D('2026-10-23T16:00:00Z'), 60, LONDON)).toEqual(D('2026-10-26T09:30:00Z'));
  });
  it('zero minutes is the start itself', () => {
    expect(addBusinessMinutes(D('2026-03-07T12:00:00Z'), 0, LONDON)).toEqual(D('2026-03-07T12:00:00Z'));
  });
});

describe('DST days are 23 and 25 hours long', () => {
  it('London, a round-the-clock schedule: 29 Mar 2026 has 1380 minutes, 25 Oct 2026 has 1500', () => {
    const h = everyDay('00:00', '24:00', 'Europe/London');
    const spring = [
      zonedTimeToUtc({ y: 2026, m: 3, d: 29 }, 0, h.timeZone),
      zonedTimeToUtc({ y: 2026, m: 3, d: 30 }, 0, h.timeZone),
    ];
    expect(businessMinutesBetween(new Date(spring[0] ?? 0), new Date(spring[1] ?? 0), h)).toBe(1380);
    const fall = [
      zonedTimeToUtc({ y: 2026, m: 10, d: 25 }, 0, h.timeZone),
      zonedTimeToUtc({ y: 2026, m: 10, d: 26 }, 0, h.timeZone),
    ];
    expect(businessMinutesBetween(new Date(fall[0] ?? 0), new Date(fall[1] ?? 0), h)).toBe(1500);
    // Saturday and the short Sunday together.
    expect(businessMinutesBetween(D('2026-03-28T00:00:00Z'), D('2026-03-29T23:00:00Z'), h)).toBe(2820);
  });
  it('New York: 8 Mar 2026 has 1380 minutes, 1 Nov 2026 has 1500', () => {
    const h = everyDay('00:00', '24:00', 'America/New_York');
    expect(businessMinutesBetween(D('2026-03-08T05:00:00Z'), D('2026-03-09T04:00:00Z'), h)).toBe(1380);
    expect(businessMinutesBetween(D('2026-11-01T04:00:00Z'), D('2026-11-02T05:00:00Z'), h)).toBe(1500);
  });
  it('a window that spans the London jump holds only the hours that exist', () => {
    const w = ['00:30', '03:00'] as const;
    const h: BusinessHours = { timeZone: 'Europe/London', days: { ...LONDON.days, sun: w } };
    // 00:30 GMT (00:30Z) to 03:00 BST (02:00Z) on the spring day: 90 minutes, not 150.
    expect(businessMinutesBetween(D('2026-03-29T00:00:00Z'), D('2026-03-29T12:00:00Z'), h)).toBe(90);
    expect(addBusinessMinutes(D('2026-03-29T00:00:00Z'), 60, h)).toEqual(D('2026-03-29T01:30:00Z'));
    // 00:30 BST (23:30Z the day before) to 03:00 GMT (03:00Z) on the fall-back day: 210 minutes.
    expect(businessMinutesBetween(D('2026-10-24T22:00:00Z'), D('2026-10-25T12:00:00Z'), h)).toBe(210);
  });
  it('a wall time inside the New York gap means the first instant after it', () => {
    const h: BusinessHours = {
      timeZone: 'America/New_York',
      days: { ...NEW_YORK.days, sun: ['01:30', '03:30'] },
    };
    // 01:30 EST = 06:30Z; 02:00–03:00 does not exist; 03:30 EDT = 07:30Z.
    expect(businessMinutesBetween(D('2026-03-08T00:00:00Z'), D('2026-03-08T20:00:00Z'), h)).toBe(60);
    expect(addBusinessMinutes(D('2026-03-08T05:00:00Z'), 30, h)).toEqual(D('2026-03-08T07:00:00Z'));
  });
  it('New York weekdays across spring-forward: Fri 16:00 EST + 120 → Mon 10:00 EDT', () => {
    expect(addBusinessMinutes(D('2026-03-06T21:00:00Z'), 120, NEW_YORK)).toEqual(D('2026-03-09T14:00:00Z'));
  });
  it('New York weekdays across fall-back: Fri 16:00 EDT + 120 → Mon 10:00 EST', () => {
    expect(addBusinessMinutes(D('2026-10-30T20:00:00Z'), 120, NEW_YORK)).toEqual(D('2026-11-02T15:00:00Z'));
  });
});

describe('businessMinutesBetween', () => {
  it('counts only open time, and is the inverse of addBusinessMinutes', () => {
    const start = D('2026-03-06T16:30:00Z');
    expect(businessMinutesBetween(start, D('2026-03-09T10:00:00Z'), LONDON)).toBe(120);
    for (const m of [1, 59, 510, 511, 2400, 4800]) {
      expect(businessMinutesBetween(start, addBusinessMinutes(start, m, LONDON), LONDON)).toBe(m);
    }
  });
  it('is zero over a night or a weekend and negative backwards', () => {
    expect(businessMinutesBetween(D('2026-03-06T17:30:00Z'), D('2026-03-09T09:00:00Z'), LONDON)).toBe(0);
    expect(businessMinutesBetween(D('2026-03-09T10:00:00Z'), D('2026-03-06T16:30:00Z'), LONDON)).toBe(-120);
  });
});

describe('the 24×7 calendar (hours = null)', () => {
  it('counts every wall minute, weekends and nights included', () => {
    expect(addBusinessMinutes(D('2026-03-07T23:30:00Z'), 90, null)).toEqual(D('2026-03-08T01:00:00Z'));
    expect(businessMinutesBetween(D('2026-03-28T00:00:00Z'), D('2026-03-30T00:00:00Z'), null)).toBe(2880);
  });
});
