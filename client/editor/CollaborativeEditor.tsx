/**
 * The collaborative rich-text editor: Tiptap on a Yjs document, with named carets of everyone
 * editing. Loaded as its own lazy chunk (with Tiptap and ProseMirror), never in the entry; the
 * schema is the one shared with the server (collab/schema), so neither side strips the other's
 * content.
 */
import '../styles/editor.css';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { portalExtensions } from '../../collab/schema/extensions.ts';
import type { CollabDocument, PresenceUser } from '../collab/document.ts';
import { EditorToolbar, LinkForm } from './EditorToolbar.tsx';

export interface CollaborativeEditorProps {
  /** The open document (its Y.Doc and provider); the editor lives as long as it does. */
  document: CollabDocument;
  /** This tab's presence, shown to others as a named caret. */
  user: PresenceUser;
  editable: boolean;
  /** The accessible name of the text box, e.g. "Ticket description". */
  label: string;
  placeholder?: string;
  /** Shown, read-only, when the document is empty. */
  emptyText?: string;
}

export default function CollaborativeEditor({
  document,
  user,
  editable,
  label,
  placeholder = 'Write something…',
  emptyText = 'Nothing here yet.',
}: CollaborativeEditorProps) {
  const contentId = useId();
  const [linkOpen, setLinkOpen] = useState(false);

  const attributes = (canWrite: boolean) => ({
    id: contentId,
    class: 'editor-content',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': String(!canWrite),
  });

  const editor = useEditor(
    {
      extensions: [
        ...portalExtensions(),
        Collaboration.configure({ document: document.doc, field: 'default' }),
        CollaborationCaret.configure({ provider: document.provider, user }),
        Placeholder.configure({ placeholder }),
      ],
      editable,
      editorProps: { attributes: attributes(editable) },
    },
    [document],
  );

  // Options only: safe before the view is mounted (the view is created by EditorContent).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attributes` is derived from these props
  useEffect(() => {
    editor.setOptions({ editable, editorProps: { attributes: attributes(editable) } });
    if (!editable) setLinkOpen(false);
  }, [editor, editable, label, contentId]);

  const empty = useEditorState({ editor, selector: ({ editor: current }) => current.isEmpty });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Mod-K: the usual shortcut for a link, as in most editors.
    if (editable && (event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      setLinkOpen(true);
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: only forwards Mod-K from the text box inside
    <div
      className={['editor', editable ? '' : 'editor-readonly', !editable && empty ? 'editor-is-empty' : '']
        .filter(Boolean)
        .join(' ')}
      onKeyDown={onKeyDown}
    >
      {editable ? (
        <EditorToolbar editor={editor} controls={contentId} onLink={() => setLinkOpen((open) => !open)} />
      ) : null}
      {linkOpen && editable ? <LinkForm editor={editor} onClose={() => setLinkOpen(false)} /> : null}
      <EditorContent editor={editor} />
      {!editable && empty ? <p className="editor-empty subtle">{emptyText}</p> : null}
    </div>
  );
}
