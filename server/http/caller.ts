/** Who a command acts for: the policy's actor, their name and the request's IP, for the audit trail. */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../policy/index.ts';
import { requireActor } from './request-auth.ts';

export interface Caller {
  /** The signed-in actor every rule is asked about. */
  actor: Actor;
  /** The actor's display name, for emails sent on their behalf ("Grace invited you"). */
  name: string;
  /** The request's client IP, recorded with each audit entry. */
  ip: string | null;
}

/** The fully signed-in caller of a request, or 401. */
export function callerOf(req: FastifyRequest): Caller {
  const { actor, user } = requireActor(req);
  return { actor, name: user.name, ip: req.ip };
}
