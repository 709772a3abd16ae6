/**
 * Which files are refused as attachments, and byte counts in words. No imports: the server's
 * upload checks (files.ts) and the web client's early feedback
 * (client/features/tickets/attachments/files.ts) read the same lists, so they cannot drift.
 */

/** Executables and scripts a browser or desktop would run on a double-click. */
export const DENIED_EXTENSIONS = new Set([
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

/** Declared types that are executables or scripts, refused whatever the extension says. */
export const DENIED_TYPES = new Set([
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

/** "512 bytes", "40 KiB", "2.5 MiB": the units every attachment message uses. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return n === 1 ? '1 byte' : `${n} bytes`;
}
