/**
 * A rich-text document of a ticket (description or internal notes) in the lazily loaded editor,
 * with everything around it: a skeleton (or the plain text the server already sent) until the
 * document has synced, a read-only note, and a clear message when the server refuses it.
 */
import { lazy, Suspense } from 'react';
import { refusalMessage } from '../../collab/connection.ts';
import type { PresenceUser } from '../../collab/document.ts';
import type { OpenCollabDocument } from '../../collab/useCollabDocument.ts';
import { Alert } from '../../components/Alert.tsx';
import { Skeleton } from '../../components/Spinner.tsx';

/** Starts loading the editor chunk; the ticket page calls it once the page is idle, with the sync. */
export const loadEditor = () => import('../../editor/CollaborativeEditor.tsx');
const CollaborativeEditor = lazy(loadEditor);

interface LiveEditorProps {
  open: OpenCollabDocument;
  user: PresenceUser;
  /** The resource's ability (e.g. `abilities.editDescription`); the connection may still be read-only. */
  canEdit: boolean;
  label: string;
  placeholder: string;
  emptyText: string;
  /** What the document is, for messages: "this ticket", "the internal notes". */
  what: string;
  /** Plain text the REST API already sent, shown until the live document has synced. */
  previewText?: string;
}

export function LiveEditor({
  open,
  user,
  canEdit,
  label,
  placeholder,
  emptyText,
  what,
  previewText,
}: LiveEditorProps) {
  const { document, state } = open;
  if (state.refusal) {
    return (
      <Alert tone={state.refusal === 'no-access' ? 'warning' : 'danger'}>
        {refusalMessage(state.refusal, state.wasAuthenticated, what, state.refusalReason)}
      </Alert>
    );
  }
  if (!document || !state.everSynced) return <EditorPlaceholder previewText={previewText} />;

  const editable = canEdit && !state.readOnly;
  return (
    <div className="stack-s">
      <Suspense fallback={<EditorPlaceholder previewText={previewText} />}>
        <CollaborativeEditor
          document={document}
          user={user}
          editable={editable}
          label={label}
          placeholder={placeholder}
          emptyText={emptyText}
        />
      </Suspense>
      {canEdit && state.readOnly ? (
        <p className="subtle" role="status">
          You can read this but not edit it right now.
        </p>
      ) : null}
    </div>
  );
}

function EditorPlaceholder({ previewText }: { previewText?: string }) {
  if (previewText?.trim()) {
    return (
      <div className="editor-preview" aria-busy="true">
        <p className="editor-preview-text">{previewText}</p>
      </div>
    );
  }
  return (
    <div className="editor-preview" role="status" aria-busy="true">
      <span className="visually-hidden">Loading…</span>
      <div className="stack-s">
        <Skeleton width="90%" />
        <Skeleton width="75%" />
        <Skeleton width="55%" />
      </div>
    </div>
  );
}
