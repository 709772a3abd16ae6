/** Client orgs under one platform, each with one client-side user: who files a test's tickets. */
import { buildTenant, buildUser } from '../../storage/builders.ts';
import type { Db } from '../../storage/db.ts';

export interface Filer {
  tenantId: string;
  requesterId: string;
}

export async function buildClientOrgs(
  db: Db,
  count: number,
  _role: 'client' | 'client_admin' = 'client',
): Promise<Filer[]> {
  const platform = buildTenant(db, { kind: 'platform', name: 'P', slug: 'p', keyPrefix: 'PL' });
  const filers: Filer[] = [];
  for (let n = 1; n <= count; n++) {
    const org = buildTenant(db, {
      kind: 'client',
      name: `Org ${n}`,
      slug: `org${n}`,
      keyPrefix: `O${n}`,
      parentId: platform.id,
    });
    const user = await buildUser(db, {
      email: `u${n}@t.test`,
      name: `U${n}`,
      role: 'client',
      tenantId: org.id,
    });
    filers.push({ tenantId: org.id, requesterId: user.id });
  }
  return filers;
}
