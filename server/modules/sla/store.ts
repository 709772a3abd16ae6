/**
 * Where the SLA policy lives until the portal has a settings table: `DATA_DIR/sla.json`,
 * validated with the same zod schema as the API on every read; missing means the defaults.
 * Written atomically (temp file + rename) so a crash never leaves half a policy.
 *
 * The ticket presenter has no context to read files from, so the process keeps the policy it
 * last loaded or saved here (`activeSlaPolicy`). One process serves one DATA_DIR, so that is the
 * portal's policy; a test process that starts several portals shares it between them.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SLA_POLICY, type SlaPolicy, ZSlaPolicy } from './policy.ts';

export const SLA_FILE = 'sla.json';

let active: SlaPolicy = DEFAULT_SLA_POLICY;

/** The policy this process last loaded or saved (the defaults before either). */
export function activeSlaPolicy(): SlaPolicy {
  return active;
}

/** Reads the policy from DATA_DIR; throws (naming the file) when it is present but invalid. */
export function loadSlaPolicy(dataDir: string): SlaPolicy {
  const file = join(dataDir, SLA_FILE);
  if (!existsSync(file)) {
    active = DEFAULT_SLA_POLICY;
    return active;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = ZSlaPolicy.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${file} is not a valid SLA policy: ${first?.path.join('.')}: ${first?.message}`);
  }
  active = parsed.data;
  return active;
}

/** Validates nothing (the caller parsed it): writes the policy and makes it the active one. */
export function saveSlaPolicy(dataDir: string, policy: SlaPolicy): SlaPolicy {
  const file = join(dataDir, SLA_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(policy, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
  active = policy;
  return active;
}
