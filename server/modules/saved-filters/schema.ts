/**
 * Inputs of the saved-filter routes. A filter's query is the ticket list's own query string
 * (`GET /api/tickets`), so it is checked against that list's schema: a saved filter can always be
 * applied, and unknown keys or values are refused when saving rather than when used.
 */
import { z } from 'zod';
import { ZId } from '../tenants/schema.ts';
import { ZTicketListQuery } from '../tickets/schema.ts';

/** The list parameters a filter may hold, in the order they are stored. */
export const SAVED_FILTER_KEYS = [
  'status',
  'priority',
  'category',
  'orgId',
  'assignee',
  'requester',
  'q',
  'sort',
] as const;

export const ZSavedFilterParams = z.object({ id: ZId }).strict();

const ZName = z.string().trim().min(1, 'Enter a name.').max(60, 'Use at most 60 characters.');

/**
 * `{status: 'open,new', q: 'vpn'}`: string values only; empty values are dropped (an empty
 * parameter means "no filter" to the list); what remains must be a valid list query.
 */
export const ZSavedFilterQuery = z
  .record(z.string(), z.string().max(200, 'Use at most 200 characters.'))
  .transform((query) => Object.fromEntries(Object.entries(query).filter(([, value]) => value.trim() !== '')))
  .superRefine((query, ctx) => {
    const known = new Set<string>(SAVED_FILTER_KEYS);
    for (const key of Object.keys(query)) {
      if (!known.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: `Unknown filter "${key}".` });
    }
    const checked = ZTicketListQuery.safeParse(query);
    if (checked.success) return;
    for (const issue of checked.error.issues) {
      if (issue.code === 'unrecognized_keys') continue; // reported above, one per key
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  })
  .transform((query) => {
    // Canonical order, so two saves of the same filter store the same JSON.
    const ordered: Record<string, string> = {};
    for (const key of SAVED_FILTER_KEYS) {
      const value = query[key];
      if (value !== undefined) ordered[key] = value.trim();
    }
    return ordered;
  });

export const ZSavedFilterCreate = z.object({ name: ZName, query: ZSavedFilterQuery }).strict();
export type TSavedFilterCreate = z.infer<typeof ZSavedFilterCreate>;

/** Rename, change the query, or both. */
export const ZSavedFilterUpdate = z
  .object({ name: ZName.optional(), query: ZSavedFilterQuery.optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.query !== undefined, 'Send a name or a query.');
export type TSavedFilterUpdate = z.infer<typeof ZSavedFilterUpdate>;
