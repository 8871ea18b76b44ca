import type { Result } from '../core/result';
import { readFile } from 'node:fs/promises';
import { checkWorkbook, type CheckSummary } from '../core/check';
import { reportedFinding, type Lang, type ReportedFinding } from '../core/finding';
import type { Profile } from '../core/profile';
import { WorkbookReadError, type ReadErrorKind } from '../file/read-error';
import { readWorkbook, type ReadOptions, type ReadResult } from '../file/read-workbook';

/** One file's outcome in a batch: what the report needs, without the model (kept small to cross threads). */
export type FileCheck =
  | { file: string; ok: true; summary: CheckSummary; findings: ReportedFinding[] }
  | { file: string; ok: false; error: WorkbookReadError };

/** A FileCheck as it crosses a thread boundary: structured clone keeps an Error's message but not its class or fields. */
export type WireFileCheck =
  | Extract<FileCheck, { ok: true }>
  | { file: string; ok: false; kind: ReadErrorKind; detail?: string; maxCells?: number };

export async function readBytes(path: string): Promise<Result<{ bytes: Uint8Array }, WorkbookReadError>> {
  try {
    return { ok: true, bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error: new WorkbookReadError(
        code === 'ENOENT' ? 'not-found' : 'corrupt',
        code === 'ENOENT' ? undefined : String(code),
      ),
    };
  }
}

export async function readFileAsWorkbook(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const read = await readBytes(path);
  return read.ok ? readWorkbook(read.bytes, path, options) : read;
}

export interface CheckFileOptions {
  lang: Lang;
  profile: Profile;
  read?: ReadOptions;
}

/** Reads and checks one file; an unreadable file comes back as its typed read error, never as a throw. */
export async function checkFile(
  file: string,
  { lang, profile, read: readOptions }: CheckFileOptions,
): Promise<FileCheck> {
  const read = await readFileAsWorkbook(file, readOptions);
  if (!read.ok) return { file, ok: false, error: read.error };
  try {
    const { summary, findings } = checkWorkbook(read.workbook, { lang, profile });
    return { file, ok: true, summary, findings: findings.map(reportedFinding) };
  } catch (error) {
    // The engine is built not to throw; if it ever does, that file is reported and the batch goes on.
    return {
      file,
      ok: false,
      error: new WorkbookReadError('corrupt', error instanceof Error ? error.message : String(error)),
    };
  }
}

export function toWire(check: FileCheck): WireFileCheck {
  return check.ok
    ? check
    : {
        file: check.file,
        ok: false,
        kind: check.error.kind,
        detail: check.error.detail,
        maxCells: check.error.maxCells,
      };
}

export function fromWire(wire: WireFileCheck): FileCheck {
  return wire.ok
    ? wire
    : { file: wire.file, ok: false, error: new WorkbookReadError(wire.kind, wire.detail, wire.maxCells) };
}
