import { checkWorkbook, type CheckResult } from '../core/check';
import type { CellRef, Finding, Lang } from '../core/finding';
import { planEdit, type Dependent, type EditRefusal } from '../core/fix/edit';
import { planFixes, type CellWrite } from '../core/fix/plan';
import { DEFAULT_PROFILE, parseProfile, type Profile } from '../core/profile';
import type { Sheet, WorkbookSnapshot } from '../core/snapshot';
import type { WorkbookHost } from '../hosts/host';
import { validateDraft, type ProfileDraft } from './profile-draft';

/** A batch of writes waiting for the user's Apply in the preview dialog. Nothing is written before that. */
export interface Preview {
  /**
   * Every derivable blank (全部填写), every wrong derived value (全部修正), one finding's own fix, or a number the user
   * typed into a cell of the standalone page's preview (an edit on site).
   */
  kind: 'fill' | 'correct' | 'fix' | 'edit';
  writes: CellWrite[];
  /** The finding a per-finding fix answers. */
  finding?: Finding;
  /** An edit's dependents: the formulas that will move (or cannot be recomputed), with their results before and after. */
  dependents?: Dependent[];
}

/** What happened last, for the pane to say (the pane words it in the user's language). */
export type Notice =
  | { kind: 'applied'; cells: number }
  /** An edit on site was written: its cell and how many formulas moved with it. */
  | { kind: 'edited'; cell: string; recalculated: number }
  | { kind: 'undone'; cells: number }
  | { kind: 'report-written' }
  | { kind: 'nothing-to-fill' }
  | { kind: 'nothing-to-correct' }
  | { kind: 'profile-saved' };

export type Phase = 'idle' | 'loading' | 'scanning' | 'applying' | 'undoing' | 'reporting' | 'saving';

export interface ControllerState {
  readonly lang: Lang;
  readonly phase: Phase;
  /** Sheets read so far during a scan. */
  readonly progress: { done: number; total: number } | null;
  readonly profile: Profile;
  /** Set when the profile saved with the workbook was invalid and the defaults are used instead: the reason. */
  readonly profileNotice: string | null;
  readonly snapshot: WorkbookSnapshot | null;
  readonly result: CheckResult | null;
  readonly preview: Preview | null;
  readonly live: boolean;
  readonly undoDepth: number;
  readonly notice: Notice | null;
  /** The message of the last operation that failed (host errors are shown, never swallowed). */
  readonly error: string | null;
}

export interface ControllerOptions {
  /** Quiet time after the last change before live mode re-checks; 300 ms by default. */
  debounceMs?: number;
}

type Listener = () => void;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How many cells 全部填写 and 全部修正 would write now (the toolbar shows the first, the menu offers the second). */
export function pendingFixes(
  snapshot: WorkbookSnapshot | null,
  findings: readonly Finding[] | undefined,
): { fill: number; correct: number } {
  if (!snapshot || !findings) return { fill: 0, correct: 0 };
  return {
    fill: planFixes(snapshot, findings).length,
    correct: planFixes(snapshot, corrections(findings), { correct: true }).length,
  };
}

/** The findings whose fix replaces a wrong value (a total, a rate, a grade): what 全部修正 applies. */
function corrections(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.fix?.kind === 'correct');
}

/** Replaces the re-read sheets in the snapshot by name, appends new ones, drops asked-for sheets that are gone. */
export function spliceSheets(
  snapshot: WorkbookSnapshot,
  names: readonly string[],
  sheets: readonly Sheet[],
): WorkbookSnapshot {
  const fresh = new Map(sheets.map((s) => [s.name, s]));
  const asked = new Set(names);
  const kept = snapshot.sheets.flatMap((s) =>
    fresh.has(s.name) ? [fresh.get(s.name) as Sheet] : asked.has(s.name) ? [] : [s],
  );
  const known = new Set(snapshot.sheets.map((s) => s.name));
  return { ...snapshot, sheets: [...kept, ...sheets.filter((s) => !known.has(s.name))] };
}

/**
 * The task pane's logic without React: wraps a host and the engine. Scan, fix and fill previews, apply (only
 * what a preview listed), undo, the report sheet, live re-check and the profile. The UI subscribes and renders
 * `getState()`; every state is a new object so React's useSyncExternalStore sees changes.
 */
export class Controller {
  private state: ControllerState;
  private readonly listeners = new Set<Listener>();
  private readonly debounceMs: number;
  private stopListening: (() => void) | null = null;
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Live re-checks run one after another. */
  private liveQueue: Promise<void> = Promise.resolve();
  /** True while the pane itself writes: those changes are re-scanned anyway. */
  private writing = false;
  private disposed = false;

  constructor(
    readonly host: WorkbookHost,
    lang: Lang,
    options: ControllerOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 300;
    this.state = {
      lang,
      phase: 'idle',
      progress: null,
      profile: DEFAULT_PROFILE,
      profileNotice: null,
      snapshot: null,
      result: null,
      preview: null,
      live: false,
      undoDepth: host.undoDepth(),
      notice: null,
      error: null,
    };
  }

  getState = (): ControllerState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private set(patch: Partial<ControllerState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  /** Loads the profile saved with the workbook, then scans. */
  async start(): Promise<void> {
    await this.loadProfile();
    await this.scan();
  }

  /** The saved profile, validated; an invalid one falls back to the defaults with a notice naming the problem. */
  async loadProfile(): Promise<Profile> {
    this.set({ phase: 'loading', error: null });
    try {
      const saved = await this.host.loadProfile();
      if (saved === undefined || saved === null) {
        this.set({ phase: 'idle', profile: DEFAULT_PROFILE, profileNotice: null });
        return DEFAULT_PROFILE;
      }
      const parsed = parseProfile(JSON.stringify(saved), this.state.lang);
      if (parsed.ok) {
        this.set({ phase: 'idle', profile: parsed.profile, profileNotice: null });
        return parsed.profile;
      }
      this.set({ phase: 'idle', profile: DEFAULT_PROFILE, profileNotice: parsed.error });
      return DEFAULT_PROFILE;
    } catch (error) {
      this.set({ phase: 'idle', profile: DEFAULT_PROFILE, profileNotice: messageOf(error) });
      return DEFAULT_PROFILE;
    }
  }

  /** Reads every sheet and checks the workbook. */
  async scan(): Promise<CheckResult | null> {
    this.set({ phase: 'scanning', progress: { done: 0, total: 0 }, error: null });
    try {
      const snapshot = await this.host.readSnapshot((done, total) => this.set({ progress: { done, total } }));
      const result = this.check(snapshot);
      this.set({ phase: 'idle', progress: null });
      return result;
    } catch (error) {
      this.set({ phase: 'idle', progress: null, error: messageOf(error) });
      return null;
    }
  }

  /** Checks a snapshot with the current profile and publishes it (fast: no host round trip). */
  private check(snapshot: WorkbookSnapshot): CheckResult {
    const { profile, lang } = this.state;
    const result = checkWorkbook(snapshot, { profile, lang });
    this.set({ snapshot, result, undoDepth: this.host.undoDepth() });
    return result;
  }

  /** Opens the preview of every derivable blank (nothing is written until `applyPreview`). */
  previewFill(): Preview | null {
    const { snapshot, result } = this.state;
    if (!snapshot || !result) return null;
    const writes = planFixes(snapshot, result.findings);
    if (writes.length === 0) {
      this.set({ preview: null, notice: { kind: 'nothing-to-fill' } });
      return null;
    }
    const preview: Preview = { kind: 'fill', writes };
    this.set({ preview, notice: null });
    return preview;
  }

  /** Opens the preview of every wrong derived value's correction (nothing is written until `applyPreview`). */
  previewCorrect(): Preview | null {
    const { snapshot, result } = this.state;
    if (!snapshot || !result) return null;
    const writes = planFixes(snapshot, corrections(result.findings), { correct: true });
    if (writes.length === 0) {
      this.set({ preview: null, notice: { kind: 'nothing-to-correct' } });
      return null;
    }
    const preview: Preview = { kind: 'correct', writes };
    this.set({ preview, notice: null });
    return preview;
  }

  /** Opens the preview of one finding's own fix, even over a filled cell (nothing is written until `applyPreview`). */
  previewFix(finding: Finding): Preview | null {
    const { snapshot } = this.state;
    if (!snapshot || !finding.fix) return null;
    const writes = planFixes(snapshot, [finding], { picked: [finding] });
    if (writes.length === 0) return null;
    const preview: Preview = { kind: 'fix', writes, finding };
    this.set({ preview, notice: null });
    return preview;
  }

  /**
   * Whether this surface edits cells itself: the standalone page (a file host). In Excel the user edits in Excel, and
   * live mode follows.
   */
  get canEdit(): boolean {
    return this.host.kind === 'file';
  }

  /**
   * Opens the preview of a number typed into a cell (nothing is written until `applyPreview`): the cell, old → new, and
   * every formula it moves. Returns why the text or the cell was refused, or null when the preview is open.
   */
  previewEdit(target: CellRef, text: string): EditRefusal | null {
    const { snapshot, lang } = this.state;
    // Nothing read yet, or Excel (where the user edits in Excel): no cell here can be edited.
    if (!snapshot || !this.canEdit) return { kind: 'not-a-number-cell' };
    const planned = planEdit(snapshot, target, text, lang);
    if (!planned.ok) return planned.refusal;
    const preview: Preview = { kind: 'edit', writes: [planned.edit.write], dependents: planned.edit.dependents };
    this.set({ preview, notice: null });
    return null;
  }

  cancelPreview(): void {
    this.set({ preview: null });
  }

  /** Writes exactly what the open preview lists, in one batch, then re-scans. */
  async applyPreview(): Promise<boolean> {
    const preview = this.state.preview;
    if (!preview) return false;
    this.set({ phase: 'applying', preview: null, error: null });
    this.writing = true;
    try {
      await this.host.applyWrites(preview.writes, this.state.lang);
    } catch (error) {
      this.set({ phase: 'idle', error: messageOf(error), undoDepth: this.host.undoDepth() });
      return false;
    } finally {
      this.writing = false;
    }
    const [edit] = preview.writes;
    this.set({
      notice:
        preview.kind === 'edit' && edit
          ? {
              kind: 'edited',
              cell: `${edit.sheet}!${edit.cell}`,
              recalculated: preview.dependents?.filter((d) => d.value !== undefined).length ?? 0,
            }
          : { kind: 'applied', cells: preview.writes.length },
    });
    await this.scan();
    return true;
  }

  /** Puts back the last applied batch, then re-scans. */
  async undo(): Promise<number> {
    if (this.host.undoDepth() === 0) return 0;
    this.set({ phase: 'undoing', error: null });
    this.writing = true;
    let cells: number;
    try {
      cells = await this.host.undoLast();
    } catch (error) {
      this.set({ phase: 'idle', error: messageOf(error), undoDepth: this.host.undoDepth() });
      return 0;
    } finally {
      this.writing = false;
    }
    this.set({ notice: { kind: 'undone', cells } });
    await this.scan();
    return cells;
  }

  /** Writes the 审核报告 sheet from the last check. */
  async writeReport(): Promise<boolean> {
    const result = this.state.result;
    if (!result) return false;
    this.set({ phase: 'reporting', error: null });
    this.writing = true;
    try {
      await this.host.writeReport(result, this.state.lang);
    } catch (error) {
      this.set({ phase: 'idle', error: messageOf(error) });
      return false;
    } finally {
      this.writing = false;
    }
    this.set({ phase: 'idle', notice: { kind: 'report-written' }, undoDepth: this.host.undoDepth() });
    return true;
  }

  /** Validates the settings draft; saves it with the workbook and re-checks. Returns the problem's message, or null. */
  async saveProfile(draft: ProfileDraft): Promise<string | null> {
    const validated = validateDraft(draft, this.state.lang);
    if (!validated.ok) return validated.error;
    this.set({ phase: 'saving', error: null });
    try {
      await this.host.saveProfile(validated.profile);
    } catch (error) {
      this.set({ phase: 'idle', error: messageOf(error) });
      return messageOf(error);
    }
    this.set({ phase: 'idle', profile: validated.profile, profileNotice: null, notice: { kind: 'profile-saved' } });
    if (this.state.snapshot) this.check(this.state.snapshot);
    return null;
  }

  /** Live mode: re-check after edits, re-reading only the sheets that changed. */
  async setLive(on: boolean): Promise<void> {
    if (on === this.state.live) return;
    if (!on) {
      this.stopLive();
      this.set({ live: false });
      return;
    }
    this.set({ live: true });
    try {
      const stop = await this.host.onChanged((sheets) => this.changed(sheets));
      if (!this.state.live || this.disposed) stop();
      else this.stopListening = stop;
    } catch (error) {
      this.set({ live: false, error: messageOf(error) });
    }
  }

  private stopLive(): void {
    this.stopListening?.();
    this.stopListening = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private changed(sheets: readonly string[]): void {
    if (!this.state.live || this.writing) return;
    for (const name of sheets) this.pending.add(name);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const names = [...this.pending];
      this.pending.clear();
      this.liveQueue = this.liveQueue.then(() => this.recheck(names));
    }, this.debounceMs);
  }

  /** Resolves when the live re-checks queued so far have run. */
  settled(): Promise<void> {
    return this.liveQueue;
  }

  /** Re-reads these sheets, splices them into the last snapshot and checks again. */
  async recheck(names: readonly string[]): Promise<void> {
    if (names.length === 0 || this.disposed) return;
    const base = this.state.snapshot;
    if (!base) {
      await this.scan();
      return;
    }
    try {
      const sheets = await this.host.readSheets(names);
      // Splice into the newest snapshot (a scan may have finished meanwhile).
      this.check(spliceSheets(this.state.snapshot ?? base, names, sheets));
    } catch (error) {
      this.set({ error: messageOf(error) });
    }
  }

  /** Selects a cell (and its related cells) in the workbook; a host failure is shown, not thrown. */
  async select(target: CellRef, related: readonly CellRef[] = []): Promise<void> {
    try {
      await this.host.select({ sheet: target.sheet, cell: target.cell }, related);
    } catch (error) {
      this.set({ error: messageOf(error) });
    }
  }

  dismissNotice(): void {
    this.set({ notice: null, error: null });
  }

  dispose(): void {
    this.stopLive();
    this.disposed = true;
    this.listeners.clear();
  }
}
