/** The collaboration code waits for the page: after `load`, then the browser's next idle period. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenPageIdle } from '../../client/collab/loadCollab.ts';

describe('whenPageIdle', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('waits for the load event and then an idle callback', async () => {
    const listeners: (() => void)[] = [];
    const idle: (() => void)[] = [];
    vi.stubGlobal('document', { readyState: 'loading' });
    vi.stubGlobal('window', { addEventListener: (_: string, f: () => void) => listeners.push(f) });
    vi.stubGlobal('requestIdleCallback', (f: () => void) => idle.push(f));
    let done = false;
    const waiting = whenPageIdle().then(() => {
      done = true;
    });
    await Promise.resolve();
    expect(done).toBe(false);
    expect(idle).toHaveLength(0);
    for (const f of listeners) f();
    await Promise.resolve();
    expect(done).toBe(false);
    expect(idle).toHaveLength(1);
    idle[0]?.();
    await waiting;
    expect(done).toBe(true);
  });

  it('only waits for idle once the page has loaded, and falls back to a timer', async () => {
    vi.stubGlobal('document', { readyState: 'complete' });
    vi.stubGlobal('requestIdleCallback', undefined);
    await expect(whenPageIdle()).resolves.toBeUndefined();
  });
});
