import { useId } from 'react';

/** The logo picker: the current logo (or a placeholder), an upload button, the format hint and any error. */
export function LogoInput({
  value,
  error,
  onFile,
}: {
  value: string | null;
  error: string | null;
  onFile: (file: File | undefined) => void;
}) {
  const id = useId();
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <div className="logo-input">
        <span className="logo-frame">
          {value ? <img src={value} alt="Current logo" /> : <span className="subtle">No logo</span>}
        </span>
        <div className="stack-s">
          <label htmlFor={id} className="btn btn-secondary btn-s file-label">
            {value ? 'Replace logo…' : 'Upload logo…'}
          </label>
          <input
            id={id}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            className="file-input"
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            onChange={(event) => {
              onFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </div>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        PNG, JPEG or WebP, at most 256 KB. A wide logo about 40 px tall looks best.
      </p>
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {error}
      </p>
    </div>
  );
}

/**
 * Reads an already-checked logo file as a data URL, calling `onImage` with it, or `onError` with a
 * message to show when the file can't be read as a PNG, JPEG or WebP image.
 */
export function readLogoFile(
  file: File,
  onImage: (dataUrl: string) => void,
  onError: (message: string) => void,
) {
  const reader = new FileReader();
  reader.onload = () => {
    const result = typeof reader.result === 'string' ? reader.result : '';
    if (!/^data:image\/(png|jpeg|webp);base64,/.test(result)) {
      onError('That file could not be read as an image. Try another one.');
      return;
    }
    onImage(result);
  };
  reader.onerror = () => onError('That file could not be read. Try another one.');
  reader.readAsDataURL(file);
}
