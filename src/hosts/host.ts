import type { CheckResult } from '../core/check';
import type { CellRef, Lang } from '../core/finding';
import type { CellWrite } from '../core/fix/plan';
import type { Profile } from '../core/profile';
import type { Sheet, WorkbookSnapshot } from '../core/snapshot';

/**
 * What the task pane needs from where the workbook lives: Excel through office.js, or a file opened in the
 * standalone page. The UI talks only to this; each host is a thin adapter.
 */
export interface WorkbookHost {
  readonly kind: 'excel' | 'file';
  /** A name to show: the file name, or the workbook's. */
  readonly title: string;
  /** Reads every sheet into a snapshot; `onProgress` hears (sheets read, sheets in all). */
  readSnapshot(onProgress?: (done: number, total: number) => void): Promise<WorkbookSnapshot>;
  /** Re-reads only these sheets (live mode after edits). */
  readSheets(names: readonly string[]): Promise<Sheet[]>;
  /** Writes what the user confirmed in a preview, in one batch, and records each change in 审核记录. */
  applyWrites(writes: readonly CellWrite[], lang: Lang): Promise<void>;
  /** How many applied batches can be undone. */
  undoDepth(): number;
  /** Puts back the last applied batch from what was recorded; returns the cells restored. */
  undoLast(): Promise<number>;
  /** Selects a cell and scrolls to it (related cells highlighted where the host can). */
  select(target: CellRef, related?: readonly CellRef[]): Promise<void>;
  /** Writes the 审核报告 sheet: findings with links to their cells, the summary and a chart. */
  writeReport(result: CheckResult, lang: Lang): Promise<void>;
  /** Calls back with the sheets whose cells changed; returns the function that stops listening. */
  onChanged(listener: (sheets: string[]) => void): Promise<() => void>;
  /** The profile saved with the workbook, unparsed (the caller validates it), or undefined. */
  loadProfile(): Promise<unknown>;
  saveProfile(profile: Profile): Promise<void>;
  /** Standalone page: the current workbook to download (an .xls comes back as .xlsx). */
  download?(): { name: string; bytes: Uint8Array };
}
