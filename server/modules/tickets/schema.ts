/** Inputs of the ticket routes, validated at the edge; the inferred types are for the client too. */
import { z } from 'zod';
import {
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  VISIBILITIES,
} from '../../../storage/schema.ts';
import { ZId } from '../tenants/schema.ts';

export const ZTicketParams = z.object({ id: ZId }).strict();

export const ZTicketCreate = z
  .object({
    subject: z.string().trim().min(1, 'Enter a subject.').max(200, 'Use at most 200 characters.'),
    category: z.enum(TICKET_CATEGORIES),
    priority: z.enum(TICKET_PRIORITIES),
    /** Plain text that seeds the rich-text description document. */
    description: z.string().max(20_000, 'Use at most 20,000 characters.').optional(),
    /** The client org to file in: required for staff and partners, optional (own org) for clients. */
    orgId: ZId.optional(),
  })
  .strict();
export type TTicketCreate = z.infer<typeof ZTicketCreate>;

export const ZTicketUpdate = z
  .object({
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    category: z.enum(TICKET_CATEGORIES).optional(),
    /** null unassigns. */
    assigneeId: ZId.nullable().optional(),
  })
  .strict()
  .refine(
    (v) => Object.values(v).some((x) => x !== undefined),
    'Send a status, priority, category or assigneeId.',
  );
export type TTicketUpdate = z.infer<typeof ZTicketUpdate>;

export const ZReplyCreate = z
  .object({
    body: z.string().trim().min(1, 'Write a reply.').max(10_000, 'Use at most 10,000 characters.'),
    visibility: z.enum(VISIBILITIES).default('client'),
  })
  .strict();
export type TReplyCreate = z.infer<typeof ZReplyCreate>;

/** `a,b,c` of one enum: each value must be known, so a typo is a 400 rather than an empty list. */
function commaList<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()))
    .pipe(z.array(z.enum(values)).min(1).max(values.length));
}

export const TICKET_SORTS = ['updated', 'created', 'priority'] as const;

export const ZTicketListQuery = z
  .object({
    status: commaList(TICKET_STATUSES).optional(),
    priority: commaList(TICKET_PRIORITIES).optional(),
    category: commaList(TICKET_CATEGORIES).optional(),
    orgId: ZId.optional(),
    /** 'me', 'none' (unassigned) or a user id; not offered to client roles. */
    assignee: z.union([z.enum(['me', 'none']), ZId]).optional(),
    /** 'me' or a user id. */
    requester: z.union([z.literal('me'), ZId]).optional(),
    /** Matches anywhere in the key, subject or description text, case-insensitively. */
    q: z.string().trim().max(100).optional(),
    sort: z.enum(TICKET_SORTS).default('updated'),
  })
  .strict();
export type TTicketListQuery = z.infer<typeof ZTicketListQuery>;

export const ZAssigneesQuery = z.object({ orgId: ZId }).strict();
