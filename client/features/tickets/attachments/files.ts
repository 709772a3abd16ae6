/**
 * Files before they are sent: sizes as people read them, and the server's refusals mirrored for
 * early feedback (the lists are the server's own, server/modules/attachments/file-rules.ts; the server stays the
 * authority — a file that passes
 * here can still be refused there, and its message is shown then).
 */

import {
  DENIED_EXTENSIONS,
  DENIED_TYPES,
  formatBytes,
} from '../../../../server/modules/attachments/file-rules.ts';

export { formatBytes };

/** The server's default ATTACHMENT_MAX_BYTES; a smaller configured limit is reported by the server. */
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

/**
 * The extension that decides what a system runs: the last one, after dropping trailing dots and
 * spaces (`a.exe.` runs as `a.exe` on Windows), lower-cased; '' when there is none.
 */
export function lastExtension(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/[. ]+$/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** What the server needs to know of a picked file (a File satisfies it). */
export interface PickedFile {
  name: string;
  size: number;
  type: string;
}

/** Why the server would refuse this file, in its own words; null when it looks acceptable. */
export function validateFile(file: PickedFile, maxBytes = DEFAULT_MAX_BYTES): string | null {
  if (file.size > maxBytes) {
    return `This file is ${formatBytes(file.size)}; attachments can be at most ${formatBytes(maxBytes)}.`;
  }
  const ext = lastExtension(file.name);
  if (DENIED_EXTENSIONS.has(ext)) {
    return `.${ext} files can’t be attached because they may run as programs. Zip it or send another format.`;
  }
  const type = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (DENIED_TYPES.has(type)) return 'This kind of file can’t be attached because it may run as a program.';
  return null;
}

export type FileKind = 'image' | 'pdf' | 'sheet' | 'doc' | 'archive' | 'text' | 'media' | 'other';

const KIND_BY_EXTENSION: Record<string, FileKind> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  avif: 'image',
  bmp: 'image',
  svg: 'image',
  heic: 'image',
  pdf: 'pdf',
  xls: 'sheet',
  xlsx: 'sheet',
  ods: 'sheet',
  csv: 'sheet',
  doc: 'doc',
  docx: 'doc',
  odt: 'doc',
  rtf: 'doc',
  ppt: 'doc',
  pptx: 'doc',
  zip: 'archive',
  gz: 'archive',
  tgz: 'archive',
  '7z': 'archive',
  tar: 'archive',
  rar: 'archive',
  txt: 'text',
  log: 'text',
  md: 'text',
  json: 'text',
  xml: 'text',
  mp3: 'media',
  mp4: 'media',
  mov: 'media',
  wav: 'media',
  webm: 'media',
};

/** A coarse kind for the file's icon: by its extension, else by its declared type. */
export function fileKind(fileName: string, contentType = ''): FileKind {
  const byExt = KIND_BY_EXTENSION[lastExtension(fileName)];
  if (byExt) return byExt;
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('audio/') || contentType.startsWith('video/')) return 'media';
  if (contentType.startsWith('text/')) return 'text';
  if (contentType === 'application/pdf') return 'pdf';
  return 'other';
}
