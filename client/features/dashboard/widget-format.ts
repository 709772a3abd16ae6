/** Words and links for the dashboard's ticket widgets, pure so they can be tested. */

/** Not yet resolved or closed (server/modules/dashboard/ticket-summary.ts). */
export const OPEN_STATUS_PARAM = 'new,open,in_progress,pending_client';

/** The ticket list filtered as a widget counts (GET /api/tickets's query parameters). */
export function ticketsLink(params: Record<string, string>): string {
  return `/tickets?${new URLSearchParams(params).toString()}`;
}

/** "45 min", "3 h 10 min", "2 d 4 h": a span of (business) minutes, roughly. */
export function formatMinutes(total: number): string {
  const m = Math.round(Math.abs(total));
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
  }
  const d = Math.floor(m / (24 * 60));
  const h = Math.floor((m % (24 * 60)) / 60);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** "Response due in 12 min" / "Resolution 2 h overdue". */
export function slaSentence(clock: 'first_response' | 'resolution', remainingMinutes: number): string {
  const what = clock === 'first_response' ? 'First response' : 'Resolution';
  return remainingMinutes >= 0
    ? `${what} due in ${formatMinutes(remainingMinutes)}`
    : `${what} ${formatMinutes(remainingMinutes)} overdue`;
}

/** "#3 of 12 in High", or null when the ticket waits on the client or is done. */
export function queuePlace(
  queue: { position: number | null; total: number },
  priorityLabel: string,
): string | null {
  return queue.position === null ? null : `#${queue.position} of ${queue.total} in ${priorityLabel}`;
}

/** A `YYYY-MM-DD` calendar date (not an instant) as UTC noon, so no zone moves it to another day. */
const calendarDay = (date: string) => new Date(`${date}T12:00:00Z`);

/** "3": the day of the month, the chart's axis label. */
export function dayOfMonth(date: string): string {
  return String(calendarDay(date).getUTCDate());
}

let longDayFormat: Intl.DateTimeFormat | null = null;

/** "Monday 3 March" (in the reader's locale), for screen readers and tooltips. */
export function longDay(date: string): string {
  // Made once, on first use: creating an Intl formatter costs far more than formatting with one.
  longDayFormat ??= new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return longDayFormat.format(calendarDay(date));
}
