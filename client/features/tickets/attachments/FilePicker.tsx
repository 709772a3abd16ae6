/**
 * "Choose files" (a real `<input type=file multiple>` with its label, so it works from the
 * keyboard and opens the phone's file or camera sheet) inside a drop zone that lights up while
 * files are dragged over the area it belongs to.
 */
import '../../../styles/attachments.css';
import { type ChangeEvent, useId } from 'react';
import { Icon } from '../../../components/Icon.tsx';
import { DEFAULT_MAX_BYTES, formatBytes } from './files.ts';

interface FilePickerProps {
  onFiles: (files: File[]) => void;
  /** Files are being dragged over the drop area. */
  dragging?: boolean;
  /** The button's words; the default is "Choose files". */
  label?: string;
  /** A small picker (the reply composer): the button alone, no drop zone text. */
  compact?: boolean;
  disabled?: boolean;
}

export function FilePicker({
  onFiles,
  dragging,
  label = 'Choose files',
  compact,
  disabled,
}: FilePickerProps) {
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Cleared so that choosing the same file again (after removing it) fires a change.
    event.target.value = '';
    if (files.length > 0) onFiles(files);
  };
  const input = (
    <>
      <input
        id={id}
        type="file"
        multiple
        className="file-input visually-hidden"
        onChange={onChange}
        disabled={disabled}
        aria-describedby={compact ? undefined : `${id}-hint`}
      />
      <label
        htmlFor={id}
        className={`btn btn-secondary btn-s file-input-label${disabled ? ' disabled' : ''}`}
      >
        <Icon name="plus" size={16} />
        {label}
      </label>
    </>
  );
  if (compact) return <span className="file-picker-compact">{input}</span>;
  return (
    <div className={dragging ? 'file-drop file-drop-active' : 'file-drop'}>
      <p className="file-drop-text">
        <Icon name="download" size={20} />
        <span>{dragging ? 'Drop the files to attach them' : 'Drag files here, or'}</span>
      </p>
      {input}
      <p id={`${id}-hint`} className="field-hint file-drop-hint">
        Up to {formatBytes(DEFAULT_MAX_BYTES)} each. Programs and scripts can’t be attached.
      </p>
    </div>
  );
}
