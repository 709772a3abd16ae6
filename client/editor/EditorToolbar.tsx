/**
 * The editor's toolbar: one tab stop, arrow keys between buttons (the ARIA toolbar pattern), each
 * button named, toggles with aria-pressed. Undo and redo are Collaboration's: they undo only this
 * person's own changes, never a co-editor's.
 */
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { normalizeLinkUrl } from './link.ts';

interface ToolbarProps {
  editor: Editor;
  /** The id of the text box the toolbar formats. */
  controls: string;
  onLink: () => void;
}

interface ToolState {
  bold: boolean;
  italic: boolean;
  bulletList: boolean;
  orderedList: boolean;
  link: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

export function EditorToolbar({ editor, controls, onLink }: ToolbarProps) {
  const state = useEditorState<ToolState>({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      link: current.isActive('link'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const [focusIndex, setFocusIndex] = useState(0);
  const toolbar = useRef<HTMLDivElement>(null);

  const tools: {
    id: string;
    label: string;
    shortcut?: string;
    icon: ReactNode;
    pressed?: boolean;
    disabled?: boolean;
    run: () => void;
  }[] = [
    {
      id: 'bold',
      label: 'Bold',
      shortcut: 'Control+B',
      icon: <b aria-hidden>B</b>,
      pressed: state.bold,
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      id: 'italic',
      label: 'Italic',
      shortcut: 'Control+I',
      icon: <i aria-hidden>I</i>,
      pressed: state.italic,
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    {
      id: 'bullets',
      label: 'Bulleted list',
      icon: <ToolIcon d="M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01" />,
      pressed: state.bulletList,
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      id: 'numbers',
      label: 'Numbered list',
      icon: <ToolIcon d="M10 6h10M10 12h10M10 18h10M4 6h1v4M4 10h2M6 18H4c0-1 2-2 2-3s-1-1.5-2-1" />,
      pressed: state.orderedList,
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
    {
      id: 'link',
      label: state.link ? 'Edit link' : 'Add link',
      shortcut: 'Control+K',
      icon: (
        <ToolIcon d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
      ),
      pressed: state.link,
      run: onLink,
    },
    {
      id: 'undo',
      label: 'Undo',
      shortcut: 'Control+Z',
      icon: <ToolIcon d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />,
      disabled: !state.canUndo,
      run: () => editor.chain().focus().undo().run(),
    },
    {
      id: 'redo',
      label: 'Redo',
      shortcut: 'Control+Shift+Z',
      icon: <ToolIcon d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />,
      disabled: !state.canRedo,
      run: () => editor.chain().focus().redo().run(),
    },
  ];

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, (i: number) => number> = {
      ArrowRight: (i) => (i + 1) % tools.length,
      ArrowLeft: (i) => (i - 1 + tools.length) % tools.length,
      Home: () => 0,
      End: () => tools.length - 1,
    };
    const next = keys[event.key];
    if (!next) return;
    event.preventDefault();
    const index = next(focusIndex);
    setFocusIndex(index);
    toolbar.current?.querySelectorAll<HTMLButtonElement>('button')[index]?.focus();
  };

  return (
    <div
      ref={toolbar}
      role="toolbar"
      aria-label="Formatting"
      aria-controls={controls}
      className="editor-toolbar"
      onKeyDown={move}
    >
      {tools.map((tool, index) => (
        <button
          key={tool.id}
          type="button"
          className="editor-tool"
          aria-label={tool.label}
          title={tool.shortcut ? `${tool.label} (${tool.shortcut.replace('Control', 'Ctrl')})` : tool.label}
          aria-keyshortcuts={tool.shortcut}
          aria-pressed={tool.pressed === undefined ? undefined : tool.pressed}
          // Disabled buttons stay focusable (aria-disabled) so arrow keys never skip over them unseen.
          aria-disabled={tool.disabled || undefined}
          tabIndex={index === focusIndex ? 0 : -1}
          onFocus={() => setFocusIndex(index)}
          // Keep the text selection: a mousedown on a button would otherwise move focus and collapse it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (!tool.disabled) tool.run();
          }}
        >
          {tool.icon}
        </button>
      ))}
    </div>
  );
}

function ToolIcon({ d }: { d: string }) {
  return (
    <svg
      width={18}
      height={18}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}

/** The link's address, asked for in a small form under the toolbar (not a blocking prompt()). */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = editor.getAttributes('link').href;
  const [value, setValue] = useState(typeof current === 'string' ? current : '');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const href = normalizeLinkUrl(value);
    if (!href) {
      setError('Enter a web address (https://…) or an email address.');
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    onClose();
  };

  return (
    <form
      className="editor-link-form"
      onSubmit={apply}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={inputId} className="field-label">
        Link address
      </label>
      <div className="editor-link-row">
        <input
          id={inputId}
          className="input"
          type="text"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          placeholder="https://example.com"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          // biome-ignore lint/a11y/noAutofocus: the form opens on request (button or Mod-K); typing starts here
          autoFocus
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="btn btn-primary btn-s">
          Apply
        </button>
        {editor.isActive('link') ? (
          <button
            type="button"
            className="btn btn-secondary btn-s"
            onClick={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              onClose();
            }}
          >
            Remove link
          </button>
        ) : null}
        <button type="button" className="btn btn-ghost btn-s" onClick={close}>
          Cancel
        </button>
      </div>
      {error ? (
        <p id={`${inputId}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
