/** Inputs of the audit route. */
import { z } from 'zod';

export const ZAuditListQuery = z
  .object({
    /** How many of the newest entries to return. */
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type TAuditListQuery = z.infer<typeof ZAuditListQuery>;
