/** Inputs of the ticket link and merge routes, validated at the edge; the inferred types are for the client too. */
import { z } from 'zod';
import { TICKET_LINK_KINDS } from '../../../storage/schema-service-desk.ts';
import { ZId } from '../tenants/schema.ts';

export const ZLinkParams = z.object({ id: ZId, linkId: ZId }).strict();

/** A ticket named by a person: its key (`ACME-1002`, any case) or its id. */
const ZTicketKeyOrId = z.string().trim().min(1, 'Enter a ticket key.').max(40, 'Use at most 40 characters.');

export const ZLinkCreate = z
  .object({
    ticketKeyOrId: ZTicketKeyOrId,
    kind: z.enum(TICKET_LINK_KINDS).default('related'),
  })
  .strict();
export type TLinkCreate = z.infer<typeof ZLinkCreate>;

export const ZMergeCreate = z
  .object({
    /** The surviving ticket: its id, or its key as a person types it. */
    intoTicketId: ZTicketKeyOrId,
  })
  .strict();
export type TMergeCreate = z.infer<typeof ZMergeCreate>;
