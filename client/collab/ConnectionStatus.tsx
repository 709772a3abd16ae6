/** The live pill: "Live", "Syncing…", "Offline — 3 unsynced changes", announced politely. */
import { useEffect, useState } from 'react';
import { type CollabState, describeConnection } from './connection.ts';

/** How long local changes may wait for the server before the pill says "Syncing…". */
const SLOW_SYNC_MS = 1200;

export function ConnectionStatus({ state, label }: { state: CollabState; label?: string }) {
  const pending = state.unsyncedChanges > 0 && state.socket === 'connected';
  const [slowSync, setSlowSync] = useState(false);
  useEffect(() => {
    if (!pending) {
      setSlowSync(false);
      return;
    }
    const timer = window.setTimeout(() => setSlowSync(true), SLOW_SYNC_MS);
    return () => window.clearTimeout(timer);
  }, [pending]);

  const view = describeConnection(state, slowSync);
  return (
    <span className={`live-pill live-pill-${view.tone}`} role="status">
      <span className="live-dot" aria-hidden />
      {label ? <span className="visually-hidden">{label}: </span> : null}
      {view.label}
    </span>
  );
}
