/**
 * The SLA policy: business hours and, per priority, the first-response and resolution targets
 * in business minutes (or wall minutes for a priority that runs 24×7). Its zod schema is the
 * one check for both the stored file and `PUT /api/sla/policy`.
 */
import { z } from 'zod';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../storage/schema.ts';
import { type BusinessHours, hasWorkingTime, isValidTimeZone, parseWallTime, WEEKDAYS } from './clock.ts';

export interface PriorityTarget {
  /** Minutes from creation to the first public agent reply. */
  firstResponse: number;
  /** Minutes from creation to resolution, paused time excluded. */
  resolution: number;
  /** Count wall-clock minutes round the clock instead of business minutes. */
  calendar24x7: boolean;
}

export interface SlaPolicy {
  businessHours: BusinessHours;
  targets: Record<TicketPriority, PriorityTarget>;
  /** A running clock with at most this share of its target left is a near breach. */
  nearBreachPercent: number;
}

const WORKDAY = ['09:00', '17:30'] as const;

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  businessHours: {
    timeZone: 'Europe/London',
    days: { mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY, sat: null, sun: null },
    holidays: [],
  },
  targets: {
    critical: { firstResponse: 60, resolution: 240, calendar24x7: true },
    high: { firstResponse: 240, resolution: 960, calendar24x7: false },
    medium: { firstResponse: 480, resolution: 2400, calendar24x7: false },
    low: { firstResponse: 960, resolution: 4800, calendar24x7: false },
  },
  nearBreachPercent: 20,
};

const ZWallTime = z
  .string()
  .refine((s) => parseWallTime(s) !== undefined, 'Use a 24-hour time, HH:MM (00:00–24:00).');

const ZDayWindow = z
  .tuple([ZWallTime, ZWallTime])
  .refine(
    ([open, close]) => (parseWallTime(close) ?? 0) > (parseWallTime(open) ?? 0),
    'The end must be after the start.',
  )
  .nullable();

const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date, YYYY-MM-DD.')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'That date does not exist.',
  );

const ZMinutes = z
  .number()
  .int('Use whole minutes.')
  .positive('Use a positive number of minutes.')
  .max(525_600, 'Use at most a year of minutes.');

const ZTarget = z
  .object({ firstResponse: ZMinutes, resolution: ZMinutes, calendar24x7: z.boolean().default(false) })
  .strict()
  .refine((t) => t.resolution >= t.firstResponse, {
    message: 'The resolution target cannot be shorter than the first-response target.',
    path: ['resolution'],
  });

export const ZBusinessHours = z
  .object({
    timeZone: z
      .string()
      .refine(isValidTimeZone, 'Unknown time zone; use an IANA name such as Europe/London.'),
    days: z
      .object(
        Object.fromEntries(WEEKDAYS.map((w) => [w, ZDayWindow])) as Record<
          (typeof WEEKDAYS)[number],
          typeof ZDayWindow
        >,
      )
      .strict(),
    holidays: z.array(ZIsoDate).max(1000).default([]),
  })
  .strict()
  .refine((h) => hasWorkingTime(h), { message: 'Open at least one day of the week.', path: ['days'] });

export const ZSlaPolicy = z
  .object({
    businessHours: ZBusinessHours,
    targets: z
      .object(
        Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, ZTarget])) as Record<
          TicketPriority,
          typeof ZTarget
        >,
      )
      .strict(),
    nearBreachPercent: z.number().min(0).max(100).default(20),
  })
  .strict();
export type TSlaPolicyInput = z.input<typeof ZSlaPolicy>;
