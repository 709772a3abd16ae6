/**
 * The browser's attachment helpers: sizes, the early checks that mirror the server's refusals,
 * the upload list's reducer, progress across files, and reading the server's JSON errors.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_BYTES,
  fileKind,
  formatBytes,
  lastExtension,
  type PickedFile,
  validateFile,
} from '../../client/features/tickets/attachments/files.ts';
import {
  aggregateProgress,
  filePercent,
  type ProgressPart,
  progressSentence,
} from '../../client/features/tickets/attachments/progress.ts';
import { isRetryable, parseUploadError } from '../../client/features/tickets/attachments/upload.ts';
import {
  type QueuedFile,
  queueReducer,
  sendable,
} from '../../client/features/tickets/attachments/upload-queue.ts';
import {
  assertAllowedName,
  DENIED_EXTENSIONS,
  formatBytes as serverFormatBytes,
} from '../../server/modules/attachments/files.ts';

const file = (name: string, size = 100, type = 'application/pdf'): PickedFile => ({ name, size, type });

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1 KiB'],
    [40_000, '39.1 KiB'],
    [25 * 1024 * 1024, '25 MiB'],
    [5 * 1024 ** 3, '5 GiB'],
  ])('%i → %s', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });

  it('speaks the server’s units, so its messages and ours agree', () => {
    for (const n of [0, 512, 1024, 65_536, 1_500_000, 26_214_400, 5_368_709_120]) {
      expect(formatBytes(n)).toBe(serverFormatBytes(n));
    }
  });
});

describe('lastExtension', () => {
  it.each([
    ['report.pdf', 'pdf'],
    ['archive.tar.GZ', 'gz'],
    ['invoice.pdf.exe', 'exe'],
    ['trailing.bat.', 'bat'],
    ['spaces.cmd . ', 'cmd'],
    ['.bashrc', ''],
    ['README', ''],
    ['C:\\Users\\x\\setup.msi', 'msi'],
  ])('%s → %s', (name, ext) => {
    expect(lastExtension(name)).toBe(ext);
  });
});

describe('validateFile mirrors the server', () => {
  it('accepts documents, images and archives within the limit', () => {
    for (const name of ['a.pdf', 'photo.png', 'sheet.xlsx', 'logs.zip', 'notes.txt', 'README']) {
      expect(validateFile(file(name))).toBeNull();
    }
    expect(validateFile(file('big.pdf', DEFAULT_MAX_BYTES))).toBeNull();
  });

  it('refuses a file over the limit, naming both sizes', () => {
    const message = validateFile(file('big.pdf', DEFAULT_MAX_BYTES + 1));
    expect(message).toContain('25 MiB');
    expect(validateFile(file('small.pdf', 2048), 1024)).toContain('at most 1 KiB');
  });

  it('refuses every extension the server refuses, and agrees with it name by name', () => {
    for (const ext of DENIED_EXTENSIONS) {
      expect(validateFile(file(`x.${ext}`, 10, 'application/octet-stream'))).not.toBeNull();
    }
    const names = ['setup.exe', 'invoice.pdf.exe', 'trailing.bat.', 'tool.PS1', 'report.exe.pdf', 'ok.docx'];
    for (const name of names) {
      const serverRefuses = (() => {
        try {
          assertAllowedName(name.replace(/[. ]+$/, ''), 'application/octet-stream');
          return false;
        } catch {
          return true;
        }
      })();
      expect(validateFile(file(name, 10, 'application/octet-stream')) !== null, name).toBe(serverRefuses);
    }
  });

  it('refuses executable declared types whatever the name', () => {
    expect(validateFile(file('fine.bin', 10, 'application/x-msdownload'))).not.toBeNull();
    expect(validateFile(file('fine.txt', 10, 'text/javascript; charset=utf-8'))).not.toBeNull();
  });
});

describe('fileKind', () => {
  it.each([
    ['a.PNG', '', 'image'],
    ['scan.pdf', '', 'pdf'],
    ['q1.xlsx', '', 'sheet'],
    ['brief.docx', '', 'doc'],
    ['logs.tar.gz', '', 'archive'],
    ['noext', 'image/heic', 'image'],
    ['noext', 'video/quicktime', 'media'],
    ['noext', 'application/octet-stream', 'other'],
  ])('%s (%s) → %s', (name, type, kind) => {
    expect(fileKind(name, type)).toBe(kind);
  });
});

describe('upload list reducer', () => {
  const add = (state: QueuedFile<PickedFile>[], files: PickedFile[], keys: string[]) =>
    queueReducer(state, { type: 'add', files, keys, visibility: 'client' });

  it('adds files as ready, or invalid with the reason', () => {
    const state = add([], [file('a.pdf'), file('b.exe')], ['a', 'b']);
    expect(state.map((s) => [s.key, s.status])).toEqual([
      ['a', 'ready'],
      ['b', 'invalid'],
    ]);
    expect(state[1]?.error).toContain('.exe');
    expect(sendable(state).map((s) => s.key)).toEqual(['a']);
  });

  it('runs a file through start, progress, failure, retry and success', () => {
    let state = add([], [file('a.pdf', 1000)], ['a']);
    state = queueReducer(state, { type: 'start', key: 'a' });
    state = queueReducer(state, { type: 'progress', key: 'a', loaded: 400, total: 1200 });
    expect(state[0]).toMatchObject({ status: 'uploading', loaded: 400, total: 1200 });
    state = queueReducer(state, { type: 'failed', key: 'a', error: 'Storage is full.', retryable: true });
    expect(state[0]).toMatchObject({ status: 'failed', error: 'Storage is full.', retryable: true });
    expect(sendable(state)).toHaveLength(1);
    // A refusal no retry can change (a script) is not sent again.
    expect(
      sendable(queueReducer(state, { type: 'failed', key: 'a', error: 'A script.', retryable: false })),
    ).toEqual([]);
    state = queueReducer(state, { type: 'start', key: 'a' });
    expect(state[0]).toMatchObject({ status: 'uploading', loaded: 0, error: null });
    state = queueReducer(state, { type: 'done', key: 'a' });
    expect(state[0]).toMatchObject({ status: 'done', loaded: 1200 });
    expect(queueReducer(state, { type: 'clear_done' })).toEqual([]);
  });

  it('ignores progress after a cancel, and a sent file keeps its audience', () => {
    let state = add([], [file('a.pdf')], ['a']);
    state = queueReducer(state, { type: 'visibility', key: 'a', visibility: 'internal' });
    expect(state[0]?.visibility).toBe('internal');
    state = queueReducer(state, { type: 'start', key: 'a' });
    state = queueReducer(state, { type: 'visibility', key: 'a', visibility: 'client' });
    expect(state[0]?.visibility).toBe('internal');
    state = queueReducer(state, { type: 'cancelled', key: 'a' });
    state = queueReducer(state, { type: 'progress', key: 'a', loaded: 50, total: 100 });
    expect(state[0]).toMatchObject({ status: 'cancelled', loaded: 0 });
    expect(queueReducer(state, { type: 'remove', key: 'a' })).toEqual([]);
  });
});

describe('progress across files', () => {
  const part = (status: ProgressPart['status'], loaded: number, total: number): ProgressPart => ({
    status,
    loaded,
    total,
  });

  it('sums the files in the batch, leaving out ready, invalid and cancelled ones', () => {
    const p = aggregateProgress([
      part('uploading', 50, 100),
      part('done', 0, 100),
      part('ready', 0, 1000),
      part('invalid', 0, 1000),
      part('cancelled', 10, 1000),
    ]);
    expect(p).toMatchObject({ files: 2, done: 1, uploading: 1, loaded: 150, total: 200, percent: 75 });
    expect(progressSentence(p)).toBe('Uploading 2 files, 75 %');
  });

  it('never says 100 % before every file is done, and counts empty files', () => {
    expect(aggregateProgress([part('uploading', 100, 100)]).percent).toBe(99);
    expect(aggregateProgress([part('done', 0, 0)]).percent).toBe(100);
    expect(aggregateProgress([]).percent).toBe(0);
    expect(filePercent(part('uploading', 100, 100))).toBe(99);
    expect(filePercent(part('uploading', 5, 0))).toBe(0);
    expect(filePercent(part('done', 0, 0))).toBe(100);
  });

  it('says how a finished batch ended', () => {
    expect(progressSentence(aggregateProgress([part('done', 1, 1), part('done', 1, 1)]))).toBe(
      '2 files uploaded',
    );
    expect(progressSentence(aggregateProgress([part('done', 1, 1), part('failed', 0, 1)]))).toBe(
      '1 file not uploaded, 1 file uploaded',
    );
    expect(progressSentence(aggregateProgress([]))).toBe('');
  });
});

describe('parseUploadError', () => {
  it('takes the server’s code and message', () => {
    const body = JSON.stringify({ error: { code: 'quota_exceeded', message: 'Storage is full.' } });
    expect(parseUploadError(413, body)).toEqual({
      status: 413,
      code: 'quota_exceeded',
      message: 'Storage is full.',
    });
  });

  it('falls back to a readable message per status when the body is not the JSON error', () => {
    expect(parseUploadError(413, '<html>Too large</html>').code).toBe('file_too_large');
    expect(parseUploadError(0, '').code).toBe('network_error');
    expect(parseUploadError(502, '').message).toContain('our side');
    expect(parseUploadError(404, '{"error":{}}').code).toBe('not_found');
    expect(parseUploadError(418, 'null').message).toContain('HTTP 418');
  });
});

describe('isRetryable', () => {
  it('retries what can change (network, a fault, a full quota), not a file’s size or type', () => {
    const err = (status: number, code: string) => ({ status, code, message: '' });
    expect(isRetryable(err(0, 'network_error'))).toBe(true);
    expect(isRetryable(err(503, 'internal'))).toBe(true);
    expect(isRetryable(err(413, 'quota_exceeded'))).toBe(true);
    expect(isRetryable(err(413, 'file_too_large'))).toBe(false);
    expect(isRetryable(err(415, 'file_type_not_allowed'))).toBe(false);
    expect(isRetryable(err(403, 'forbidden'))).toBe(false);
    expect(isRetryable(err(404, 'not_found'))).toBe(false);
  });
});
