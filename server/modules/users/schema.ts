/** Inputs of the user routes, validated at the edge; the inferred types are for the client too. */
import { z } from 'zod';
import { ROLES, SECTIONS, TICKET_SCOPES, USER_STATUSES } from '../../../storage/schema.ts';
import { ZEmail } from '../../auth/routes.ts';
import { ZId } from '../tenants/schema.ts';

export const ZUserParams = z.object({ id: ZId }).strict();

export const ZUserListQuery = z
  .object({
    tenantId: ZId.optional(),
    role: z.enum(ROLES).optional(),
    status: z.enum(USER_STATUSES).optional(),
    /** Matches anywhere in the name or email, case-insensitively. */
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

/** A set of portal sections: no repeats, in any order (stored in canonical order). */
const ZSections = z
  .array(z.enum(SECTIONS))
  .max(SECTIONS.length)
  .refine((s) => new Set(s).size === s.length, 'List each section once.');

const ZUserName = z.string().trim().min(1, 'Enter a name.').max(100, 'Use at most 100 characters.');

export const ZUserInvite = z
  .object({
    email: ZEmail,
    name: ZUserName,
    role: z.enum(ROLES),
    tenantId: ZId,
    /** Sections a `client` may use; omitted = the role's read-restricted default. */
    sections: ZSections.optional(),
  })
  .strict()
  .refine((v) => v.sections === undefined || v.role === 'client', {
    message: 'Sections only apply to the client role.',
    path: ['sections'],
  });
export type TUserInvite = z.infer<typeof ZUserInvite>;

export const ZUserUpdate = z
  .object({
    name: ZUserName.optional(),
    role: z.enum(ROLES).optional(),
    /** null goes back to the role's default sections. */
    sections: ZSections.nullable().optional(),
    /** For a `client`: see only their own tickets ('own') or the whole organization's. */
    ticketScope: z.enum(TICKET_SCOPES).optional(),
  })
  .strict()
  .refine(
    (v) =>
      v.name !== undefined || v.role !== undefined || v.sections !== undefined || v.ticketScope !== undefined,
    'Send a name, role, sections or ticketScope.',
  );
export type TUserUpdate = z.infer<typeof ZUserUpdate>;
