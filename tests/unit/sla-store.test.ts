/** DATA_DIR/sla.json: defaults when missing, validated on read, written atomically. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '../../server/modules/sla/policy.ts';
import { activeSlaPolicy, loadSlaPolicy, saveSlaPolicy } from '../../server/modules/sla/store.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'sla-store-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('sla.json', () => {
  it('missing: the defaults', () => {
    expect(loadSlaPolicy(tmp())).toEqual(DEFAULT_SLA_POLICY);
  });
  it('saved, then loaded back; the save becomes the active policy and leaves no temp file', () => {
    const dir = tmp();
    const p = structuredClone(DEFAULT_SLA_POLICY);
    p.nearBreachPercent = 30;
    saveSlaPolicy(dir, p);
    expect(activeSlaPolicy()).toEqual(p);
    expect(readdirSync(dir)).toEqual(['sla.json']);
    loadSlaPolicy(tmp());
    expect(loadSlaPolicy(dir)).toEqual(p);
    loadSlaPolicy(tmp());
  });
  it('invalid: an error naming the file and the field, and the active policy is unchanged', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'sla.json'), JSON.stringify({ ...DEFAULT_SLA_POLICY, nearBreachPercent: 200 }));
    expect(() => loadSlaPolicy(dir)).toThrow(/sla\.json is not a valid SLA policy: nearBreachPercent/);
    writeFileSync(join(dir, 'sla.json'), '{');
    expect(() => loadSlaPolicy(dir)).toThrow(/sla\.json is not valid JSON/);
    expect(activeSlaPolicy()).toEqual(DEFAULT_SLA_POLICY);
  });
});
