/** Inputs of the outbox routes. */
import { z } from 'zod';
import { ZId } from '../tenants/schema.ts';

export const ZOutboxParams = z.object({ id: ZId }).strict();
