/** Creating a partner or client organisation: one transaction, one audit entry. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { tenants } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import type { Caller } from '../../http/caller.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../ids.ts';
import { canCreateTenant } from '../../policy/index.ts';
import { isUniqueViolation } from './constraint.ts';
import { findVisibleTenant, TENANT_COLUMNS, type TenantRow, tenantRefOf } from './queries.ts';
import type { TTenantCreate } from './schema.ts';

/** Subdomains the portal may one day serve itself; a tenant named like this would shadow them. */
const RESERVED_SLUGS = new Set([
  'www',
  'api',
  'app',
  'admin',
  'assets',
  'auth',
  'collab',
  'mail',
  'smtp',
  'status',
]);

const KEY_PREFIX_MAX = 10;

/**
 * A ticket-key prefix for a new tenant: the slug upper-cased without hyphens, at most 10
 * characters, made unique with a digit suffix (`ACME`, `ACME2`, …) because keys must never collide.
 */
export function uniqueKeyPrefix(db: Pick<Db, 'select'>, slug: string): string {
  const base = slug
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, KEY_PREFIX_MAX);
  const taken = (prefix: string) =>
    db.select({ id: tenants.id }).from(tenants).where(eq(tenants.keyPrefix, prefix)).get() !== undefined;
  if (!taken(base)) return base;
  for (let n = 2; n < 100_000; n++) {
    const suffix = String(n);
    const candidate = base.slice(0, KEY_PREFIX_MAX - suffix.length) + suffix;
    if (!taken(candidate)) return candidate;
  }
  throw new Error(`No free key prefix for slug ${slug}`);
}

/**
 * Creates a tenant of `input.kind` under `input.parentId` (default: the caller's own tenant).
 * An invisible parent is a 404; a visible parent the caller may not create under is a 403.
 */
export function createTenant(ctx: AppContext, caller: Caller, input: TTenantCreate): TenantRow {
  const { actor } = caller;
  const parent = findVisibleTenant(ctx.db, actor, input.parentId ?? actor.tenantId);
  if (!parent) throw notFound('parent organization');
  if (!canCreateTenant(actor, input.kind, tenantRefOf(parent))) {
    throw forbidden(
      `You cannot create a ${input.kind === 'partner' ? 'partner' : 'client organization'} there.`,
    );
  }
  if (!parent.active) throw new AppError(409, 'conflict', 'The parent organization is deactivated.');
  if (RESERVED_SLUGS.has(input.slug)) throw conflict('That address is reserved. Choose another slug.');
  const slugTaken = () => conflict('That slug is already taken. Choose another.');
  try {
    return ctx.db.transaction((tx) => {
      if (tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug)).get())
        throw slugTaken();
      const created = tx
        .insert(tenants)
        .values({
          id: newId(),
          kind: input.kind,
          name: input.name,
          slug: input.slug,
          keyPrefix: uniqueKeyPrefix(tx, input.slug),
          parentId: parent.id,
        })
        .returning(TENANT_COLUMNS)
        .get();
      recordAudit(tx, {
        action: 'tenant.created',
        tenantId: created.id,
        actorUserId: actor.userId,
        targetType: 'tenant',
        targetId: created.id,
        ip: caller.ip,
        data: { kind: created.kind, name: created.name, slug: created.slug, parentId: parent.id },
      });
      return created;
    });
  } catch (err) {
    // Only reachable if another writer took the slug between our check and the insert.
    if (isUniqueViolation(err, 'tenants.slug')) throw slugTaken();
    throw err;
  }
}
