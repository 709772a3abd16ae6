/** The pure rules behind attachments: names, types, magic bytes, download headers, the guard. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import {
  assertAllowedName,
  cleanFileName,
  contentDisposition,
  downloadContentType,
  fileTooLarge,
  sniffExecutable,
  UploadGuard,
} from '../../server/modules/attachments/files.ts';

describe('attachment file rules', () => {
  it('cleans names: no paths, no control characters, no trailing dots', () => {
    expect(cleanFileName('C:\\Users\\me\\report.pdf')).toBe('report.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(cleanFileName('evil.exe. . ')).toBe('evil.exe');
    expect(cleanFileName('')).toBe('file');
    expect(cleanFileName(`${'x'.repeat(300)}.pdf`)).toMatch(/^x{196}\.pdf$/);
  });

  it('refuses executables by last extension and declared type', () => {
    expect(() => assertAllowedName('a.EXE', 'application/octet-stream')).toThrow(/cannot be attached/);
    expect(() => assertAllowedName('a.pdf', 'application/x-msdownload')).toThrow();
    expect(() => assertAllowedName('a.exe.pdf', 'application/pdf')).not.toThrow();
    expect(() => assertAllowedName('Makefile', 'text/plain')).not.toThrow();
  });

  it('sniffs MZ, #! and ELF', () => {
    expect(sniffExecutable(Buffer.from('MZ\u0090\u0000'))).toMatch(/Windows/);
    expect(sniffExecutable(Buffer.from('#!/usr/bin/env node'))).toMatch(/script/);
    expect(sniffExecutable(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2]))).toMatch(/Linux/);
    expect(sniffExecutable(Buffer.from('%PDF-1.7'))).toBeNull();
  });

  it('never serves HTML, SVG or unknown types as themselves', () => {
    expect(downloadContentType('text/html')).toBe('application/octet-stream');
    expect(downloadContentType('image/svg+xml')).toBe('application/octet-stream');
    expect(downloadContentType('application/xhtml+xml')).toBe('application/octet-stream');
    expect(downloadContentType('IMAGE/PNG; x=1')).toBe('image/png');
    expect(downloadContentType('text/plain')).toBe('text/plain; charset=utf-8');
  });

  it('encodes Content-Disposition per RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('naïve "quote".pdf')).toBe(
      `attachment; filename="na_ve _quote_.pdf"; filename*=UTF-8''na%C3%AFve%20%22quote%22.pdf`,
    );
    expect(contentDisposition("it's (1).txt")).toContain("filename*=UTF-8''it%27s%20%281%29.txt");
  });

  it('the guard hashes and counts, refuses over the limit and sniffs across chunks', async () => {
    const sink = async (guard: UploadGuard, chunks: Buffer[]) => {
      const out: Buffer[] = [];
      await pipeline(Readable.from(chunks), guard, async (src: AsyncIterable<Buffer>) => {
        for await (const c of src) out.push(c);
      });
      return Buffer.concat(out);
    };
    const ok = new UploadGuard(10, () => fileTooLarge(10));
    expect((await sink(ok, [Buffer.from('ab'), Buffer.from('cdef')])).toString()).toBe('abcdef');
    expect(ok.size).toBe(6);
    expect(ok.digest()).toBe('bef57ec7f53a6d40beb640a780a639c83bc29ac8a9816f1fc6c5c6dcd93c4721');
    await expect(
      sink(new UploadGuard(3, () => fileTooLarge(3)), [Buffer.from('abcd')]),
    ).rejects.toMatchObject({
      code: 'file_too_large',
    });
    await expect(
      sink(new UploadGuard(100, () => fileTooLarge(100)), [
        Buffer.from('M'),
        Buffer.from('Z'),
        Buffer.from('..'),
      ]),
    ).rejects.toMatchObject({ code: 'file_type_not_allowed' });
    await expect(
      sink(new UploadGuard(100, () => fileTooLarge(100)), [Buffer.from('#!')]),
    ).rejects.toMatchObject({
      code: 'file_type_not_allowed',
    });
  });
});
