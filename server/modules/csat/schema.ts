/** Inputs of the CSAT routes. */
import { z } from 'zod';

/** A 1–5 rating and an optional comment. */
export const ZCsatRating = z
  .object({
    rating: z
      .number()
      .int('Choose a whole number of stars.')
      .min(1, 'Choose 1 to 5.')
      .max(5, 'Choose 1 to 5.'),
    comment: z.string().trim().max(2000, 'Use at most 2000 characters.').default(''),
  })
  .strict();
export type TCsatRating = z.infer<typeof ZCsatRating>;

/** Any string up to a sane length: a token of the wrong shape gets the same 404 as a forged one. */
export const ZCsatTokenParams = z.object({ token: z.string().max(128) }).strict();
