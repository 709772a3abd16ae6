/**
 * Single-use sign-in tokens (login links and invitations): 160 random bits, only SHA-256
 * stored, claimed with a conditional update so a token works once even under concurrency.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import {
  type MagicLinkPurpose,
  magicLinkTokens,
  memberships,
  tenants,
  users,
} from '../../../storage/schema.ts';
import { newId, randomString, sha256 } from '../../ids.ts';

export const LOGIN_LINK_TTL_MS = 15 * 60 * 1000;
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const TOKEN_LENGTH = 32; // × 5 bits = 160 bits, above the 112 the design asks for.
const TOKEN_FORMAT = /^[a-z2-9]{32}$/;

/** True when `token` has the shape of one we issue (anything else is refused unread). */
export function isTokenFormat(token: string): boolean {
  return TOKEN_FORMAT.test(token);
}

/**
 * Creates a token for `userId` and returns it: the only time it exists in clear.
 * A new invitation voids the user's earlier unused ones, so only the latest email works.
 */
export function issueMagicToken(
  db: Db,
  userId: string,
  purpose: MagicLinkPurpose,
  ttlMs: number,
  now = Date.now(),
): string {
  const token = randomString(TOKEN_LENGTH);
  db.transaction((tx) => {
    if (purpose === 'invite') {
      tx.update(magicLinkTokens)
        .set({ usedAt: new Date(now) })
        .where(
          and(
            eq(magicLinkTokens.userId, userId),
            eq(magicLinkTokens.purpose, 'invite'),
            isNull(magicLinkTokens.usedAt),
          ),
        )
        .run();
    }
    tx.insert(magicLinkTokens)
      .values({ id: newId(), userId, tokenHash: sha256(token), purpose, expiresAt: new Date(now + ttlMs) })
      .run();
  });
  return token;
}

export interface ClaimedToken {
  userId: string;
  tenantId: string;
  purpose: MagicLinkPurpose;
}

/**
 * Spends a token and returns whose it was, or null for an unknown, used, expired or malformed
 * token, or one whose user or tenant has since been switched off. Lookup, claim and the
 * activation of an invited user happen in one transaction.
 */
export function claimMagicToken(db: Db, token: string, now = Date.now()): ClaimedToken | null {
  if (!isTokenFormat(token)) return null;
  return db.transaction((tx) => {
    const row = tx
      .select({
        id: magicLinkTokens.id,
        userId: magicLinkTokens.userId,
        purpose: magicLinkTokens.purpose,
        expiresAt: magicLinkTokens.expiresAt,
        usedAt: magicLinkTokens.usedAt,
        status: users.status,
        tenantId: memberships.tenantId,
        tenantActive: tenants.active,
      })
      .from(magicLinkTokens)
      .innerJoin(users, eq(users.id, magicLinkTokens.userId))
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(eq(magicLinkTokens.tokenHash, sha256(token)))
      .get();
    if (!row || row.usedAt || row.expiresAt.getTime() <= now) return null;
    if (row.status === 'deactivated' || !row.tenantActive) return null;
    // The `used_at IS NULL` condition is the single-use guarantee; the check above is only a read.
    const claimed = tx
      .update(magicLinkTokens)
      .set({ usedAt: new Date(now) })
      .where(and(eq(magicLinkTokens.id, row.id), isNull(magicLinkTokens.usedAt)))
      .run().changes;
    if (claimed !== 1) return null;
    if (row.status === 'invited') {
      // Following a link sent to the address proves it: the invitation is accepted.
      tx.update(users).set({ status: 'active' }).where(eq(users.id, row.userId)).run();
    }
    return { userId: row.userId, tenantId: row.tenantId, purpose: row.purpose };
  });
}
