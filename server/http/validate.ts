/** zod at the edge: every body, query and param goes through `parse` before a service sees it. */
import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Parses `input` with `schema` or throws a 400 `validation_failed` listing each problem. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = details[0];
  const message = first
    ? `${first.path ? `${first.path}: ` : ''}${first.message}`
    : 'The request is not valid.';
  throw new AppError(400, 'validation_failed', message, { details });
}
