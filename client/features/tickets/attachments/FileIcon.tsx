/** A small tile naming the file's type ("PDF", "PNG", "ZIP"), coloured by kind. Decorative. */
import { fileKind, lastExtension } from './files.ts';

export function FileIcon({ fileName, contentType }: { fileName: string; contentType?: string }) {
  const kind = fileKind(fileName, contentType);
  const ext = lastExtension(fileName).slice(0, 4).toUpperCase() || 'FILE';
  return (
    <span className={`file-icon file-icon-${kind}`} aria-hidden>
      {ext}
    </span>
  );
}
