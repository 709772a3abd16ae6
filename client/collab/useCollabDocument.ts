/**
 * Opens a collaboration document for as long as the component is mounted: one provider per
 * document on the tab's shared socket, destroyed on unmount or when the name changes.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ME_KEY } from '../app/me.tsx';
import { type CollabState, INITIAL_COLLAB_STATE } from './connection.ts';
import { CollabDocument, type PresenceUser, type StatelessMessage } from './document.ts';

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

export function useCollabDocument(
  name: string | null,
  options: UseCollabDocumentOptions = {},
): OpenCollabDocument {
  const queryClient = useQueryClient();
  const [document, setDocument] = useState<CollabDocument | null>(null);
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
    const opened = new CollabDocument(name, {
      presence: user,
      onStateless: (message) => onStateless.current?.(message),
    });
    setDocument(opened);
    return () => {
      opened.destroy();
      setDocument((current) => (current === opened ? null : current));
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

  return { document, state };
}
