/**
 * Opens a collaboration document for as long as the component is mounted: one provider per
 * document on the tab's shared socket, destroyed on unmount or when the name changes. The
 * collaboration code itself loads lazily, once the page is idle (loadCollab.ts): until then the
 * document is null and its state "connecting", as before the first sync.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ME_KEY } from '../app/me.tsx';
import { type CollabState, INITIAL_COLLAB_STATE } from './connection.ts';
import type { CollabDocument, PresenceUser, StatelessMessage } from './document.ts';
import { loadCollab } from './loadCollab.ts';

export interface UseCollabDocumentOptions {
  /** This tab's presence; null or absent opens the document without presence (read-only records). */
  presence?: PresenceUser | null;
  onStateless?: (message: StatelessMessage) => void;
}

export interface OpenCollabDocument {
  /** Null until opened (the first render) and when `name` is null. */
  document: CollabDocument | null;
  state: CollabState;
}

const noSubscription = () => () => {};
const initialState = () => INITIAL_COLLAB_STATE;
/** The collaboration code could not be downloaded (offline, or a deploy replaced the chunk). */
const LOAD_FAILED: CollabState = { ...INITIAL_COLLAB_STATE, socket: 'disconnected', refusal: 'error' };

export function useCollabDocument(
  name: string | null,
  options: UseCollabDocumentOptions = {},
): OpenCollabDocument {
  const queryClient = useQueryClient();
  const [document, setDocument] = useState<CollabDocument | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  // The latest handler, without re-opening the document whenever the caller re-renders.
  const onStateless = useRef(options.onStateless);
  onStateless.current = options.onStateless;
  const { presence } = options;
  const presenceId = presence?.id;
  const presenceName = presence?.name;
  const presenceColor = presence?.color;

  useEffect(() => {
    if (!name) return;
    const user =
      presenceId && presenceName !== undefined && presenceColor
        ? { id: presenceId, name: presenceName, color: presenceColor }
        : null;
    let closed = false;
    let opened: CollabDocument | null = null;
    loadCollab().then(
      ({ CollabDocument }) => {
        if (closed) return;
        const doc = new CollabDocument(name, {
          presence: user,
          onStateless: (message) => onStateless.current?.(message),
        });
        opened = doc;
        setLoadFailed(false);
        setDocument(doc);
      },
      () => {
        if (!closed) setLoadFailed(true);
      },
    );
    return () => {
      closed = true;
      const doc = opened;
      if (!doc) return;
      doc.destroy();
      setDocument((current) => (current === doc ? null : current));
    };
  }, [name, presenceId, presenceName, presenceColor]);

  const state = useSyncExternalStore(
    document?.subscribe ?? noSubscription,
    document?.getState ?? initialState,
  );

  // A socket whose session ended: re-ask /api/me, whose 401 sends the person to sign in. Access
  // lost to a document means rights changed: /api/me brings the new navigation too.
  useEffect(() => {
    if (state.refusal === 'signed-out' || (state.refusal === 'no-access' && state.wasAuthenticated)) {
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    }
  }, [state.refusal, state.wasAuthenticated, queryClient]);

  return { document, state: loadFailed && !document ? LOAD_FAILED : state };
}
