/**
 * Files before they are sent: sizes as people read them, and the server's refusals mirrored for
 * early feedback (server/modules/attachments/files.ts stays the authority — a file that passes
 * here can still be refused there, and its message is shown then).
 */

/** The server's default ATTACHMENT_MAX_BYTES; a smaller configured limit is reported by the server. */
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

/** Executables and scripts the server refuses by their last extension. */
const DENIED_EXTENSIONS = new Set([
  'exe',
  'bat',
  'cmd',
  'sh',
  'js',
  'mjs',
  'cjs',
  'msi',
  'msp',
  'dll',
  'scr',
  'com',
  'jar',
  'ps1',
  'psm1',
  'vbs',
  'vbe',
  'wsf',
  'hta',
  'cpl',
  'reg',
  'lnk',
  'pif',
  'app',
  'deb',
  'rpm',
]);

/** Declared types the server refuses whatever the name says. */
const DENIED_TYPES = new Set([
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-ms-installer',
  'application/x-msi',
  'application/x-executable',
  'application/x-elf',
  'application/x-sh',
  'application/x-shellscript',
  'application/x-bat',
  'application/javascript',
  'application/x-javascript',
  'text/javascript',
  'application/java-archive',
  'application/vnd.microsoft.portable-executable',
]);

/** "512 bytes", "40 KiB", "2.5 MiB": the same units the server's messages use. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return n === 1 ? '1 byte' : `${n} bytes`;
}

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
