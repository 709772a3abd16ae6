/**
 * Business-hours arithmetic, pure: a weekly schedule in an IANA time zone plus holidays.
 *
 * Every working day's window is turned into two real instants (UTC) through the zone's own
 * offset on that day, found with Intl.DateTimeFormat — so a day that is 23 or 25 hours long
 * (DST) contributes exactly the wall-clock window it shows, and nothing in here assumes a day is
 * 24 hours. Wall times that do not exist (spring-forward gap) mean the first instant after the
 * gap; wall times that happen twice (fall-back) mean the first of the two.
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `HH:MM`, 24-hour; a window's end may be `24:00` (midnight at the end of the day). */
export type WallTime = string;

export interface BusinessHours {
  /** IANA zone, e.g. `Europe/London`. */
  timeZone: string;
  /** Per weekday `[open, close)`, or null for a closed day. */
  days: Record<Weekday, readonly [WallTime, WallTime] | null>;
  /** Closed local dates, `YYYY-MM-DD`. */
  holidays?: readonly string[];
}

/** A local calendar date in the schedule's zone. */
interface LocalDate {
  y: number;
  m: number;
  d: number;
}

const MINUTE = 60_000;
/** How far ahead a due time is searched before the schedule is judged to have no working time. */
const MAX_DAYS = 3660;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock parts of an instant in a zone. */
function wallParts(ms: number, timeZone: string) {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const p = wallParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The local date of an instant in a zone. */
export function localDateOf(at: Date, timeZone: string): LocalDate {
  const p = wallParts(at.getTime(), timeZone);
  return { y: p.year, m: p.month, d: p.day };
}

const utcCache = new Map<string, number>();

/** The instant a wall time on a local date happens in a zone (see the gap/overlap rule above). */
export function zonedTimeToUtc(date: LocalDate, minutesOfDay: number, timeZone: string): number {
  const key = `${timeZone}|${date.y}-${date.m}-${date.d}|${minutesOfDay}`;
  const cached = utcCache.get(key);
  if (cached !== undefined) return cached;
  const guess = Date.UTC(date.y, date.m - 1, date.d) + minutesOfDay * MINUTE;
  const before = offsetAt(guess - 12 * 60 * MINUTE, timeZone);
  const after = offsetAt(guess + 12 * 60 * MINUTE, timeZone);
  const matches = (candidate: number) => offsetAt(candidate, timeZone) + candidate === guess;
  const valid = [guess - before, guess - after].filter(matches);
  // Ambiguous: the earlier. None valid (a gap): the offset before the jump lands just past it.
  const result = valid.length > 0 ? Math.min(...valid) : guess - before;
  if (utcCache.size > 20_000) utcCache.clear();
  utcCache.set(key, result);
  return result;
}

/** `HH:MM` → minutes after midnight; undefined when malformed. `24:00` is allowed. */
export function parseWallTime(s: string): number | undefined {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(s);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

function nextDay(d: LocalDate): LocalDate {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d + 1));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function isoDate(d: LocalDate): string {
  return `${String(d.y).padStart(4, '0')}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

/** The working window of a local date as instants `[open, close)`, or null when closed. */
function windowOn(date: LocalDate, hours: BusinessHours): readonly [number, number] | null {
  if (hours.holidays?.includes(isoDate(date))) return null;
  const weekday = WEEKDAYS[new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay()] ?? 'sun';
  const day = hours.days[weekday];
  if (!day) return null;
  const open = parseWallTime(day[0]);
  const close = parseWallTime(day[1]);
  if (open === undefined || close === undefined || close <= open) return null;
  const openAt = zonedTimeToUtc(date, open, hours.timeZone);
  const closeAt =
    close === 24 * 60
      ? zonedTimeToUtc(nextDay(date), 0, hours.timeZone)
      : zonedTimeToUtc(date, close, hours.timeZone);
  return closeAt > openAt ? [openAt, closeAt] : null;
}

/** Whether the schedule has any working time in a week (holidays aside). */
export function hasWorkingTime(hours: BusinessHours): boolean {
  return WEEKDAYS.some((w) => {
    const day = hours.days[w];
    if (!day) return false;
    const open = parseWallTime(day[0]);
    const close = parseWallTime(day[1]);
    return open !== undefined && close !== undefined && close > open;
  });
}

/**
 * The instant `minutes` business minutes after `start`. Time before opening, after closing, on
 * closed weekdays and on holidays does not count. `hours` null means round the clock (24×7).
 */
export function addBusinessMinutes(start: Date, minutes: number, hours: BusinessHours | null): Date {
  if (!hours) return new Date(start.getTime() + minutes * MINUTE);
  if (minutes < 0) throw new RangeError('minutes must not be negative');
  let remaining = minutes * MINUTE;
  let cursor = start.getTime();
  if (remaining === 0) return new Date(cursor);
  let date = localDateOf(start, hours.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, date = nextDay(date)) {
    const win = windowOn(date, hours);
    if (!win) continue;
    const from = Math.max(cursor, win[0]);
    if (from >= win[1]) continue;
    const available = win[1] - from;
    if (remaining <= available) return new Date(from + remaining);
    remaining -= available;
    cursor = win[1];
  }
  throw new RangeError('The business-hours schedule has no working time ahead.');
}

/**
 * Business minutes from `a` to `b` (fractional); negative when `b` is before `a`. `hours` null
 * means round the clock.
 */
export function businessMinutesBetween(a: Date, b: Date, hours: BusinessHours | null): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return -businessMinutesBetween(b, a, hours);
  if (!hours) return (to - from) / MINUTE;
  let total = 0;
  let date = localDateOf(a, hours.timeZone);
  for (let i = 0; i < MAX_DAYS * 10; i++, date = nextDay(date)) {
    const win = windowOn(date, hours);
    if (win) {
      if (win[0] >= to) break;
      const s = Math.max(from, win[0]);
      const e = Math.min(to, win[1]);
      if (e > s) total += e - s;
    } else if (zonedTimeToUtc(date, 0, hours.timeZone) >= to) {
      break;
    }
  }
  return total / MINUTE;
}
