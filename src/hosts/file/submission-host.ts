import type { WorkbookHost } from '../host';
import type { CheckResult } from '../../core/check';
import type { CellRef, Lang } from '../../core/finding';
import type { CellWrite } from '../../core/fix/plan';
import type { Profile } from '../../core/profile';
import type { Sheet, WorkbookSnapshot } from '../../core/snapshot';
import { combineSnapshots, qualifiedSheet } from '../../core/submission';

/** A file of the submission: its name and the host that holds it. */
export interface SubmissionPart {
  name: string;
  host: WorkbookHost;
}

/**
 * Several files opened as one submission in the standalone page (the national forms of one project, exported one file
 * each): the pane sees one workbook whose sheets are named `[file]sheet`, so cross-file findings are checked as in
 * `check --together`. Writes go to the file each cell belongs to; undo steps back the files the last batch wrote.
 */
export class SubmissionHost implements WorkbookHost {
  readonly kind = 'file' as const;
  readonly title: string;
  /** The files each applied batch wrote, to undo them together. */
  private readonly batches: SubmissionPart[][] = [];

  constructor(
    private readonly parts: readonly SubmissionPart[],
    private readonly onSelect: (target: CellRef, related: readonly CellRef[]) => void = () => undefined,
  ) {
    this.title = parts.map((p) => p.name).join('、');
  }

  async readSnapshot(onProgress?: (done: number, total: number) => void): Promise<WorkbookSnapshot> {
    const files = await Promise.all(
      this.parts.map(async (p) => ({ name: p.name, snapshot: await p.host.readSnapshot() })),
    );
    const combined = combineSnapshots(files);
    onProgress?.(combined.sheets.length, combined.sheets.length);
    return combined;
  }

  async readSheets(names: readonly string[]): Promise<Sheet[]> {
    const snapshot = await this.readSnapshot();
    return snapshot.sheets.filter((s) => names.includes(s.name));
  }

  /** The file a qualified sheet name belongs to, and the sheet's own name there. */
  private locate(sheet: string): { part: SubmissionPart; sheet: string } | undefined {
    for (const part of this.parts) {
      const prefix = qualifiedSheet(part.name, '');
      if (sheet.startsWith(prefix)) return { part, sheet: sheet.slice(prefix.length) };
    }
    return undefined;
  }

  async applyWrites(writes: readonly CellWrite[], lang: Lang): Promise<void> {
    const byPart = new Map<SubmissionPart, CellWrite[]>();
    for (const write of writes) {
      const at = this.locate(write.sheet);
      if (!at) continue;
      byPart.set(at.part, [...(byPart.get(at.part) ?? []), { ...write, sheet: at.sheet }]);
    }
    if (byPart.size === 0) return;
    for (const [part, own] of byPart) await part.host.applyWrites(own, lang);
    this.batches.push([...byPart.keys()]);
  }

  undoDepth(): number {
    return this.batches.length;
  }

  async undoLast(): Promise<number> {
    const batch = this.batches.pop();
    if (!batch) return 0;
    let cells = 0;
    for (const part of batch) cells += await part.host.undoLast();
    return cells;
  }

  async select(target: CellRef, related: readonly CellRef[] = []): Promise<void> {
    this.onSelect(target, related);
  }

  /** The report sheet goes into the first file (its links name sheets of that file only). */
  async writeReport(result: CheckResult, lang: Lang): Promise<void> {
    const [first] = this.parts;
    if (!first) return;
    const prefix = qualifiedSheet(first.name, '');
    const own = result.findings
      .filter((f) => f.sheet.startsWith(prefix))
      .map((f) => ({ ...f, sheet: f.sheet.slice(prefix.length) }));
    await first.host.writeReport({ ...result, findings: own }, lang);
    this.batches.push([first]);
  }

  async onChanged(listener: (sheets: string[]) => void): Promise<() => void> {
    const stops = await Promise.all(
      this.parts.map((part) =>
        part.host.onChanged((sheets) => listener(sheets.map((s) => qualifiedSheet(part.name, s)))),
      ),
    );
    return () => {
      for (const stop of stops) stop();
    };
  }

  async loadProfile(): Promise<unknown> {
    return this.parts[0]?.host.loadProfile();
  }

  async saveProfile(profile: Profile): Promise<void> {
    await this.parts[0]?.host.saveProfile(profile);
  }
}
