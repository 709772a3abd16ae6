/**
 * SLA countdowns: a badge for lists ("Response due in 2h 10m", "Near breach · due in 9m",
 * "Breached 35m ago") and a two-clock panel for the ticket page. The state is always written out
 * and carries an icon, so it never relies on colour alone; the times tick every 30 seconds.
 * The server sends `ticket.sla` to the service side, and to clients whose org allows it (a
 * client-safe subset: targets, due times, states) — the component reads only that subset.
 */
import '../../styles/sla-csat.css';
import { useEffect, useState } from 'react';
import type { Tone } from '../../components/Alert.tsx';
import { Icon, type IconName } from '../../components/Icon.tsx';
import { formatDateTime } from '../../lib/format.ts';
import type { Ticket } from '../../lib/types.ts';

export type SlaState = 'ok' | 'near_breach' | 'breached' | 'met' | 'paused';

export interface SlaClockView {
  targetMinutes: number;
  dueAt: string;
  stoppedAt: string | null;
  state: SlaState;
}

/** The part of `TicketView.sla` every audience that gets it receives. */
export interface TicketSla {
  firstResponse: SlaClockView;
  resolution: SlaClockView;
  state: SlaState;
}

/** The ticket's SLA, or null when the server sent none (clients of orgs without countdowns). */
export function slaOf(ticket: Ticket): TicketSla | null {
  return (ticket as Ticket & { sla?: TicketSla | null }).sla ?? null;
}

/** The current time, refreshed every `ms`. */
export function useNow(ms = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

/** "2h 10m", "3d 4h", "35m", "under a minute". */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return rest > 0 ? `${hours}h ${rest}m` : `${hours}h`;
  return `${rest}m`;
}

export interface SlaText {
  text: string;
  tone: Tone;
  icon: IconName;
}

const TONE: Record<SlaState, Tone> = {
  ok: 'neutral',
  near_breach: 'warning',
  breached: 'danger',
  met: 'success',
  paused: 'info',
};
const ICON: Record<SlaState, IconName> = {
  ok: 'history',
  near_breach: 'alert',
  breached: 'alert',
  met: 'check',
  paused: 'history',
};

/**
 * One clock in words at `now`: `what` is "Response" or "Resolution". `short` is the list's
 * wording ("Breached 35m ago"), where the badge says which clock in its accessible name.
 */
export function clockText(what: string, clock: SlaClockView, now: Date, short = false): SlaText {
  const toDue = new Date(clock.dueAt).getTime() - now.getTime();
  const base = { tone: TONE[clock.state], icon: ICON[clock.state] };
  switch (clock.state) {
    case 'met':
      return { ...base, text: `${what} on time` };
    case 'paused':
      return { ...base, text: short ? 'Paused' : `${what} paused while waiting for a reply` };
    case 'breached':
      if (clock.stoppedAt) return { ...base, text: `${what} target missed` };
      return { ...base, text: `${short ? 'Breached' : `${what} breached`} ${formatSpan(toDue)} ago` };
    case 'near_breach':
      return {
        ...base,
        text:
          toDue > 0
            ? `Near breach · ${short ? '' : `${what.toLowerCase()} `}due in ${formatSpan(toDue)}`
            : 'Near breach',
      };
    default:
      return { ...base, text: toDue > 0 ? `${what} due in ${formatSpan(toDue)}` : `${what} due now` };
  }
}

/** A first-response clock that never stopped on a ticket resolved without a public reply. */
const NOT_NEEDED: SlaText = { text: 'Resolved before a reply', tone: 'neutral', icon: 'check' };

/** The clock that matters now: the first response until it stops, then the resolution. */
export function slaSummary(sla: TicketSla, now: Date): { clock: string; text: SlaText } {
  const resolved = sla.resolution.stoppedAt !== null;
  if (!resolved && sla.firstResponse.stoppedAt === null)
    return { clock: 'Response', text: clockText('Response', sla.firstResponse, now, true) };
  if (!resolved) return { clock: 'Resolution', text: clockText('Resolution', sla.resolution, now, true) };
  const missed = sla.resolution.state === 'breached' || sla.firstResponse.state === 'breached';
  return {
    clock: 'Overall',
    text: missed
      ? { text: 'SLA missed', tone: 'danger', icon: 'alert' }
      : { text: 'SLA met', tone: 'success', icon: 'check' },
  };
}

/** The list badge: the clock that matters now, in words, with an icon and a tone. */
export function SlaBadge({ sla }: { sla: TicketSla }) {
  const now = useNow();
  const { clock, text } = slaSummary(sla, now);
  return (
    <span className={`badge badge-${text.tone} sla-badge`}>
      <Icon name={text.icon} size={14} />
      {clock === 'Overall' || text.text.startsWith(clock) ? null : (
        <span className="visually-hidden">{clock}: </span>
      )}
      {text.text}
    </span>
  );
}

/** The ticket page's panel: both clocks with their due times; nothing when there is no SLA. */
export function SlaCountdown({ ticket }: { ticket: Ticket }) {
  const sla = slaOf(ticket);
  const now = useNow();
  if (!sla) return null;
  const rows: [string, SlaClockView][] = [
    ['Response', sla.firstResponse],
    ['Resolution', sla.resolution],
  ];
  return (
    <section className="card sla-panel" aria-labelledby="sla-panel-title">
      <div className="card-body">
        <h2 className="visually-hidden" id="sla-panel-title">
          Service level
        </h2>
        <dl className="sla-clocks">
          {rows.map(([what, clock]) => {
            const text =
              what === 'Response' && clock.stoppedAt === null && sla.resolution.stoppedAt !== null
                ? NOT_NEEDED
                : clockText(what, clock, now);
            return (
              <div key={what} className={`sla-clock sla-${clock.state}`}>
                <dt>{what === 'Response' ? 'First response' : 'Resolution'}</dt>
                <dd>
                  <span className={`badge badge-${text.tone}`}>
                    <Icon name={text.icon} size={14} />
                    {text.text}
                  </span>
                  <span className="subtle sla-due">
                    {text === NOT_NEEDED
                      ? null
                      : clock.stoppedAt
                        ? `Done ${formatDateTime(clock.stoppedAt)}`
                        : `Due ${formatDateTime(clock.dueAt)}`}
                  </span>
                </dd>
              </div>
            );
          })}
        </dl>
      </div>
    </section>
  );
}
