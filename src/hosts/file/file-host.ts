import type { Result } from '../../core/result';
import type { WorkbookHost } from '../host';
import type { CheckResult } from '../../core/check';
import type { CellRef, Lang } from '../../core/finding';
import { coreText } from '../../core/i18n';
import type { CellWrite } from '../../core/fix/plan';
import { ProfileSchema, type Profile } from '../../core/profile';
import type { Sheet, WorkbookSnapshot } from '../../core/snapshot';
import { applyWrites } from '../../file/fix-workbook';
import { readErrorMessage } from '../../file/read-error';
import { readWorkbook } from '../../file/read-workbook';
import { writeXlsx } from '../../file/xlsx/write-xlsx';
import { writeReportSheet } from '../../file/report-sheet';

const PROFILE_KEY = 'score-audit.profile';

/**
 * The workbook of the standalone page: a file opened in the browser, kept as .xlsx bytes. Writes edit the
 * bytes the way `score-audit fix` does; undo steps back through the versions kept in memory.
 */
export class FileHost implements WorkbookHost {
  readonly kind = 'file' as const;
  private bytes: Uint8Array;
  /** Earlier versions of the bytes, with how many cells the step after each changed. */
  private readonly history: Array<{ bytes: Uint8Array; cells: number }> = [];
  private snapshot: WorkbookSnapshot;
  private readonly listeners = new Set<(sheets: string[]) => void>();

  private constructor(
    readonly title: string,
    snapshot: WorkbookSnapshot,
    bytes: Uint8Array,
    private readonly onSelect: (target: CellRef, related: readonly CellRef[]) => void,
    private readonly lang: Lang,
  ) {
    this.snapshot = snapshot;
    this.bytes = bytes;
  }

  /** Opens a file; an unreadable one gives its one-line reason in the user's language. */
  static open(
    name: string,
    bytes: Uint8Array,
    lang: Lang,
    onSelect: (target: CellRef, related: readonly CellRef[]) => void = () => undefined,
  ): Result<{ host: FileHost }, string> {
    const read = readWorkbook(bytes, name);
    if (!read.ok) return { ok: false, error: readErrorMessage(read.error, lang) };
    const xlsx = read.workbook.source?.format === 'xls' ? writeXlsx(read.workbook) : bytes;
    return { ok: true, host: new FileHost(name, read.workbook, xlsx, onSelect, lang) };
  }

  async readSnapshot(onProgress?: (done: number, total: number) => void): Promise<WorkbookSnapshot> {
    onProgress?.(this.snapshot.sheets.length, this.snapshot.sheets.length);
    return this.snapshot;
  }

  async readSheets(names: readonly string[]): Promise<Sheet[]> {
    return this.snapshot.sheets.filter((s) => names.includes(s.name));
  }

  private replace(bytes: Uint8Array, changedSheets: string[]): void {
    const read = readWorkbook(bytes, this.title);
    if (!read.ok) throw new Error(read.error.message);
    this.bytes = bytes;
    this.snapshot = read.workbook;
    for (const listener of this.listeners) listener(changedSheets);
  }

  async applyWrites(writes: readonly CellWrite[], lang: Lang): Promise<void> {
    if (writes.length === 0) return;
    this.history.push({ bytes: this.bytes, cells: writes.length });
    this.replace(applyWrites(this.bytes, writes, lang, new Date(), this.snapshot), [
      ...new Set(writes.map((w) => w.sheet)),
    ]);
  }

  undoDepth(): number {
    return this.history.length;
  }

  async undoLast(): Promise<number> {
    const previous = this.history.pop();
    if (!previous) return 0;
    this.replace(
      previous.bytes,
      this.snapshot.sheets.map((s) => s.name),
    );
    return previous.cells;
  }

  async select(target: CellRef, related: readonly CellRef[] = []): Promise<void> {
    this.onSelect(target, related);
  }

  async writeReport(result: CheckResult, lang: Lang): Promise<void> {
    this.history.push({ bytes: this.bytes, cells: 0 });
    this.replace(writeReportSheet(this.bytes, result, lang), []);
  }

  async onChanged(listener: (sheets: string[]) => void): Promise<() => void> {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async loadProfile(): Promise<unknown> {
    const saved = globalThis.localStorage?.getItem(PROFILE_KEY);
    return saved ? (JSON.parse(saved) as unknown) : undefined;
  }

  async saveProfile(profile: Profile): Promise<void> {
    globalThis.localStorage?.setItem(PROFILE_KEY, JSON.stringify(ProfileSchema.parse(profile)));
  }

  download(): { name: string; bytes: Uint8Array } {
    const suffix = coreText(this.lang).audit.reviewedSuffix;
    return { name: `${this.title.replace(/\.(xlsx|xlsm|xls)$/i, '')}${suffix}.xlsx`, bytes: this.bytes };
  }
}
export { SubmissionHost } from './submission-host';
