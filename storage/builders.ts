/**
 * Builders shared by the demo seed and the test factories, so tests and the demo describe the
 * same world. Each inserts one row (or a user with their membership) and returns it.
 */
import { hash } from '@node-rs/argon2';
import { newId } from '../server/ids.ts';
import type { Db } from './db.ts';
import {
  memberships,
  type Role,
  type Section,
  type StoredBranding,
  type TenantKind,
  tenants,
  type UserStatus,
  users,
} from './schema.ts';

const id = newId;

export interface TenantInput {
  kind: TenantKind;
  name: string;
  slug: string;
  keyPrefix: string;
  parentId?: string | null;
  branding?: StoredBranding;
  customDomain?: string | null;
  customDomainStatus?: 'none' | 'requested' | 'verified';
}

export function buildTenant(db: Db, input: TenantInput) {
  return db
    .insert(tenants)
    .values({
      id: id(),
      kind: input.kind,
      name: input.name,
      slug: input.slug,
      keyPrefix: input.keyPrefix,
      parentId: input.parentId ?? null,
      branding: input.branding ?? {},
      customDomain: input.customDomain ?? null,
      customDomainStatus: input.customDomainStatus ?? 'none',
    })
    .returning()
    .get();
}

export interface UserInput {
  email: string;
  name: string;
  role: Role;
  tenantId: string;
  /** Plain password to hash; omit for a passwordless (invited / magic-link) user. */
  password?: string;
  status?: UserStatus;
  sections?: Section[] | null;
}

/** Cheap argon2id parameters are for tests only; the seed and the app use the real ones. */
export async function buildUser(db: Db, input: UserInput, opts: { fastHash?: boolean } = {}) {
  const passwordHash = input.password
    ? await hash(
        input.password,
        opts.fastHash
          ? { memoryCost: 1024, timeCost: 1, parallelism: 1 }
          : { memoryCost: 19456, timeCost: 2, parallelism: 1 },
      )
    : null;
  return db.transaction((tx) => {
    const user = tx
      .insert(users)
      .values({
        id: id(),
        email: input.email.toLowerCase(),
        name: input.name,
        passwordHash,
        status: input.status ?? 'active',
      })
      .returning()
      .get();
    const membership = tx
      .insert(memberships)
      .values({
        id: id(),
        userId: user.id,
        tenantId: input.tenantId,
        role: input.role,
        sections: input.sections ?? null,
      })
      .returning()
      .get();
    return { ...user, role: membership.role, tenantId: membership.tenantId };
  });
}
