/** Inputs of the canned-response routes, validated at the edge. */
import { z } from 'zod';
import { ZId } from '../tenants/schema.ts';

export const ZCannedParams = z.object({ id: ZId }).strict();

const ZTitle = z.string().trim().min(1, 'Enter a title.').max(120, 'Use at most 120 characters.');
const ZBody = z.string().trim().min(1, 'Enter the text.').max(10_000, 'Use at most 10,000 characters.');

export const ZCannedCreate = z
  .object({
    title: ZTitle,
    body: ZBody,
    /** true: shared with the whole desk (desk admins only); false: the caller's own. */
    shared: z.boolean(),
  })
  .strict();
export type TCannedCreate = z.infer<typeof ZCannedCreate>;

/** Who it is shared with is fixed at creation: a personal one never silently becomes public. */
export const ZCannedUpdate = z
  .object({ title: ZTitle.optional(), body: ZBody.optional() })
  .strict()
  .refine((v) => v.title !== undefined || v.body !== undefined, 'Send a title or a body.');
export type TCannedUpdate = z.infer<typeof ZCannedUpdate>;

export const ZCannedRender = z.object({ ticketId: ZId }).strict();
