import { openedFileHost } from '../../test/opened-file-host';
import { AUDIT_SHEET, REPORT_SHEET } from '../core/own-sheets';
import { buildWorkbook, VARIANTS } from '../../test/fixtures/build-workbook';
import { seed003 } from '../../test/fixtures/seeds/seed003';
import { contentText } from '../core/fix/audit';
import type { CellWrite } from '../core/fix/plan';
import { DEFAULT_PROFILE } from '../core/profile';
import type { Sheet, WorkbookSnapshot } from '../core/snapshot';
import { FileHost } from '../hosts/file/file-host';
import { Controller, spliceSheets } from './controller';
import { toDraft } from './profile-draft';
import { levelOneRows } from './summary';
import { readWorkbook } from '../file/read-workbook';
import { WHAT_IF, whatIfWorkbook } from '../../test/fixtures/what-if-workbook';

/** Seed 003 as evaluators lay it out (merged hierarchy, fraction rates), built by ExcelJS, read by FileHost. */
let bytes: Uint8Array;
beforeAll(async () => {
  bytes = (await buildWorkbook(seed003, VARIANTS[0] as (typeof VARIANTS)[number])).bytes;
}, 60_000);

/** The browser's localStorage, which FileHost keeps the profile in. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}
let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true, writable: true });
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

function open(): FileHost {
  const host = openedFileHost('评分表示例.xlsx', bytes, 'zh-CN');
  return host;
}

async function scanned(lang: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<{ host: FileHost; controller: Controller }> {
  const host = open();
  const controller = new Controller(host, lang);
  await controller.start();
  return { host, controller };
}

const SEED_FINDINGS = [
  'error score/missing 评分表!G8',
  'info derived/missing 满意度调查!G4',
  'info derived/missing 满意度调查!G5',
  'info derived/missing 满意度调查!G6',
  'info derived/missing 满意度调查!G7',
];
/** Once 评分表!G8 holds a score, its finding goes and the typed 合计 beside a SUM becomes one (no blank forces it any more). */
/** The product's own fill creates no finding: the typed 合计 beside it was typed before the score was filled. */
const AFTER_SCORE_FILLED = SEED_FINDINGS.filter((f) => !f.includes('评分表!G8'));
/** The five derivable blanks of seed 003, in the workbook's order (the preview lists them so). */
const FILL_CELLS = ['评分表!G8', '满意度调查!G4', '满意度调查!G5', '满意度调查!G6', '满意度调查!G7'];

const listed = (c: Controller) =>
  (c.getState().result?.findings ?? []).map((f) => `${f.severity} ${f.code} ${f.sheet}!${f.cell}`);
const key = (w: { sheet: string; cell: string }) => `${w.sheet}!${w.cell}`;

/** Every cell of every sheet as text, for comparing workbooks cell by cell. */
function cellsOf(snapshot: WorkbookSnapshot, skip: readonly string[] = []): Map<string, string> {
  const map = new Map<string, string>();
  for (const sheet of snapshot.sheets) {
    if (skip.includes(sheet.name)) continue;
    for (const c of sheet.cells)
      map.set(`${sheet.name}!${c.row}:${c.col}`, JSON.stringify([c.value, c.formula ?? null]));
  }
  return map;
}

function cellAt(snapshot: WorkbookSnapshot, sheet: string, row: number, col: number) {
  return snapshot.sheets.find((s) => s.name === sheet)?.cells.find((c) => c.row === row && c.col === col);
}

describe('Controller over FileHost (seed 003)', () => {
  it('scan gives the seed’s findings, summary, progress and fixable cells', async () => {
    const host = open();
    const controller = new Controller(host, 'zh-CN');
    const progress: Array<[number, number]> = [];
    controller.subscribe(() => {
      const p = controller.getState().progress;
      if (p) progress.push([p.done, p.total]);
    });
    await controller.start();
    const state = controller.getState();
    expect(listed(controller)).toEqual(SEED_FINDINGS);
    expect(state.result?.summary).toEqual({ totalScore: 93.36, grade: '优', errors: 1, warnings: 0, infos: 4 });
    expect(progress).toContainEqual([5, 5]);
    expect(state.phase).toBe('idle');
    expect(state.progress).toBeNull();
    const fixable = state.result?.findings.filter((f) => f.fix).map(key);
    expect(fixable?.sort()).toEqual([...FILL_CELLS].sort());
    expect(fixable).not.toContain('评分表!A22');
    expect(state.undoDepth).toBe(0);
    expect(state.profileNotice).toBeNull();
  });

  it('messages follow the language; codes and cells do not', async () => {
    const { controller } = await scanned('en-US');
    expect(listed(controller)).toEqual(SEED_FINDINGS);
    const message = controller.getState().result?.findings[0]?.message ?? '';
    expect(message).toMatch(/[a-z]{3}/);
    expect(message).not.toMatch(/未填得分/);
  });

  it('the fill preview lists exactly the five derivable cells with old → new, and writes nothing by itself', async () => {
    const { host, controller } = await scanned();
    const apply = jest.spyOn(host, 'applyWrites');
    const before = controller.getState().snapshot as WorkbookSnapshot;
    const preview = controller.previewFill();
    expect(preview?.kind).toBe('fill');
    const writes = preview?.writes ?? [];
    expect(writes.map(key)).toEqual(FILL_CELLS);
    expect(writes.map((w) => w.code)).toEqual([
      'score/missing',
      'derived/missing',
      'derived/missing',
      'derived/missing',
      'derived/missing',
    ]);
    // Old → new as the dialog shows them.
    for (const w of writes) expect(contentText(w.old.value, w.old.formula, 'zh-CN')).toBe('（空）');
    const g4 = writes[1] as CellWrite;
    expect(`=${g4.formula} → ${g4.value}`).toBe('=(B4*$B$3+C4*$C$3+D4*$D$3+E4*$E$3)/F4 → 0.93');
    expect((writes[0] as CellWrite).value).toBe(4);
    expect(controller.getState().preview?.writes).toBe(writes);
    expect(apply).not.toHaveBeenCalled();
    expect(await host.readSnapshot()).toBe(before);
    controller.cancelPreview();
    expect(controller.getState().preview).toBeNull();
    expect(await controller.applyPreview()).toBe(false);
    expect(apply).not.toHaveBeenCalled();
  });

  it('apply writes exactly the previewed cells, records them, re-scans; undo restores', async () => {
    const { host, controller } = await scanned();
    const original = controller.getState().snapshot as WorkbookSnapshot;
    const apply = jest.spyOn(host, 'applyWrites');
    const writes = controller.previewFill()?.writes ?? [];
    expect(await controller.applyPreview()).toBe(true);

    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply.mock.calls[0]?.[0]).toEqual(writes);
    const state = controller.getState();
    expect(state.preview).toBeNull();
    expect(state.notice).toEqual({ kind: 'applied', cells: 5 });
    expect(state.undoDepth).toBe(1);
    const codes = (state.result?.findings ?? []).map((f) => f.code);
    expect(codes).not.toContain('derived/missing');
    expect(codes).not.toContain('score/missing');
    // 评分表!G8 is now a formula the product wrote: the typed 合计 93.36 was typed before it, so no finding is new
    // (seed 003 has no count/mismatch: that one was a false alarm).
    expect(listed(controller)).toEqual([]);

    const after = state.snapshot as WorkbookSnapshot;
    expect(cellAt(after, '满意度调查', 3, 6)?.formula).toBe('(B4*$B$3+C4*$C$3+D4*$D$3+E4*$E$3)/F4');
    expect(cellAt(after, '评分表', 7, 6)?.value).toEqual({ type: 'number', value: 4 });
    // Only the five cells changed among the workbook's own sheets …
    const was = cellsOf(original);
    const now = cellsOf(after, [AUDIT_SHEET]);
    const changed = [...new Set([...was.keys(), ...now.keys()])].filter((k) => was.get(k) !== now.get(k)).sort();
    expect(changed).toEqual(['满意度调查!3:6', '满意度调查!4:6', '满意度调查!5:6', '满意度调查!6:6', '评分表!7:6']);
    // … and each is recorded in 审核记录 (sheet, cell, old, new).
    const audit = after.sheets.find((s) => s.name === AUDIT_SHEET) as Sheet;
    expect(audit).toBeDefined();
    const auditText = audit.cells.map((c) => (c.value.type === 'text' ? c.value.value : '')).join('\n');
    for (const w of writes) {
      expect(auditText).toContain(w.cell);
      expect(auditText).toContain(`=${w.formula} → ${w.value}`);
    }

    expect(await controller.undo()).toBe(5);
    const restored = controller.getState();
    expect(restored.notice).toEqual({ kind: 'undone', cells: 5 });
    expect(restored.undoDepth).toBe(0);
    expect(listed(controller)).toEqual(SEED_FINDINGS);
    expect(cellsOf(restored.snapshot as WorkbookSnapshot)).toEqual(was);
    expect(restored.snapshot?.sheets.map((s) => s.name)).toEqual(original.sheets.map((s) => s.name));
    expect(await controller.undo()).toBe(0);
  });

  it('a per-finding fix previews and writes only that finding’s cell; a finding without a fix gives none', async () => {
    const { host, controller } = await scanned();
    const findings = controller.getState().result?.findings ?? [];
    const missing = findings.find((f) => f.code === 'score/missing');
    expect(missing).toBeDefined();
    const { fix: _fix, ...withoutFix } = missing as NonNullable<typeof missing>;
    expect(controller.previewFix(withoutFix)).toBeNull();
    const preview = controller.previewFix(missing as NonNullable<typeof missing>);
    expect(preview?.kind).toBe('fix');
    expect(preview?.writes.map(key)).toEqual(['评分表!G8']);
    expect(preview?.writes[0]?.formula).toBe("MIN(1,'结论表'!C3/'结论表'!E2)*F8");
    const apply = jest.spyOn(host, 'applyWrites');
    await controller.applyPreview();
    expect(apply.mock.calls[0]?.[0].map(key)).toEqual(['评分表!G8']);
    expect([...listed(controller)].sort()).toEqual([...AFTER_SCORE_FILLED].sort());
  });

  it('a per-finding fix overwrites a filled cell when the user picks it', async () => {
    const { host, controller } = await scanned();
    // Put a wrong value in the satisfaction result G4, as a user might have typed it.
    const typed: CellWrite = {
      sheet: '满意度调查',
      cell: 'G4',
      row: 3,
      col: 6,
      formula: '0.5',
      value: 0.5,
      code: 'test',
      reason: 'test',
      old: { value: { type: 'empty' } },
    };
    await host.applyWrites([typed], 'zh-CN');
    await controller.scan();
    const wrong = controller.getState().result?.findings.find((f) => f.cell === 'G4' && f.sheet === '满意度调查');
    expect(wrong?.code).toBe('rate/wrong');
    expect(wrong?.fix?.kind).toBe('correct');
    // Fill all leaves the filled cell alone …
    expect(controller.previewFill()?.writes.map(key)).not.toContain('满意度调查!G4');
    // … its own fix replaces it, showing the old content.
    const fix = controller.previewFix(wrong as NonNullable<typeof wrong>);
    expect(fix?.writes).toHaveLength(1);
    expect(contentText(fix?.writes[0]?.old.value ?? { type: 'empty' }, fix?.writes[0]?.old.formula, 'zh-CN')).toBe(
      '=0.5 → 0.5',
    );
    expect(fix?.writes[0]?.value).toBe(0.93);
  });

  it('the fill says there is nothing to fill once everything is filled', async () => {
    const { controller } = await scanned();
    controller.previewFill();
    await controller.applyPreview();
    expect(controller.previewFill()).toBeNull();
    expect(controller.getState().notice).toEqual({ kind: 'nothing-to-fill' });
    expect(controller.getState().preview).toBeNull();
  });

  it('writes the report sheet, which undo removes', async () => {
    const { host, controller } = await scanned();
    expect(await controller.writeReport()).toBe(true);
    expect(controller.getState().notice).toEqual({ kind: 'report-written' });
    expect((await host.readSnapshot()).sheets.map((s) => s.name)).toContain(REPORT_SHEET);
    expect(controller.getState().undoDepth).toBe(1);
    await controller.undo();
    expect((await host.readSnapshot()).sheets.map((s) => s.name)).not.toContain(REPORT_SHEET);
  });

  it('reports a host failure instead of swallowing it', async () => {
    const { host, controller } = await scanned();
    jest.spyOn(host, 'applyWrites').mockRejectedValue(new Error('Excel is busy'));
    controller.previewFill();
    expect(await controller.applyPreview()).toBe(false);
    expect(controller.getState().error).toBe('Excel is busy');
    expect(controller.getState().phase).toBe('idle');
  });
});

describe('edits on site (the standalone page’s what-if)', () => {
  let whatIf: Uint8Array;
  beforeAll(async () => {
    whatIf = await whatIfWorkbook();
  }, 60_000);

  async function scannedWhatIf(): Promise<{ host: FileHost; controller: Controller }> {
    const host = openedFileHost('评分表（公式）.xlsx', whatIf, 'zh-CN');
    const controller = new Controller(host, 'zh-CN');
    await controller.start();
    return { host, controller };
  }

  it('previews a typed score with the formulas it moves, writes nothing until Apply, then re-checks and undoes', async () => {
    const { host, controller } = await scannedWhatIf();
    expect(controller.canEdit).toBe(true);
    expect(controller.getState().result?.summary).toMatchObject({ totalScore: 93.36, grade: '优' });
    const apply = jest.spyOn(host, 'applyWrites');

    expect(controller.previewEdit(WHAT_IF.score, '5')).toBeNull();
    const preview = controller.getState().preview;
    expect(preview?.kind).toBe('edit');
    expect(preview?.writes).toEqual([
      expect.objectContaining({ sheet: '评分表', cell: 'G13', value: 5, reason: '现场修改', code: '' }),
    ]);
    expect(preview?.writes[0]?.formula).toBeUndefined();
    expect(Object.fromEntries((preview?.dependents ?? []).map((d) => [key(d), d.value]))).toMatchObject({
      '评分表!G19': { type: 'number', value: 88.36 },
      '结论表!E4': { type: 'text', value: '良' },
    });
    // Nothing is written by the preview: the summary still shows the workbook as it is.
    expect(apply).not.toHaveBeenCalled();
    expect(controller.getState().result?.summary.totalScore).toBe(93.36);

    expect(await controller.applyPreview()).toBe(true);
    expect(apply).toHaveBeenCalledWith(preview?.writes, 'zh-CN');
    const state = controller.getState();
    expect(state.notice).toEqual({ kind: 'edited', cell: '评分表!G13', recalculated: 7 });
    expect(state.result?.summary).toMatchObject({ totalScore: 88.36, grade: '良' });
    const output = state.result?.model && levelOneRows(state.result.model, state.result.analysis);
    expect(output?.find((row) => row.name === '产出')).toMatchObject({ score: 25, rate: 25 / 30 });
    expect(state.undoDepth).toBe(1);
    const audit = state.snapshot?.sheets.find((s) => s.name === AUDIT_SHEET);
    const texts = (audit?.cells ?? []).map((c) => (c.value.type === 'text' ? c.value.value : ''));
    expect(texts).toEqual(expect.arrayContaining(['现场修改', '重新计算：引用的单元格已修改', '=SUM(G3:G18) → 88.36']));
    // The download carries the edit.
    const downloaded = readWorkbook(host.download().bytes, 'x.xlsx');
    expect(downloaded.ok && cellAt(downloaded.workbook, '评分表', 12, 6)?.value).toEqual({ type: 'number', value: 5 });

    expect(await controller.undo()).toBe(1);
    expect(controller.getState().result?.summary).toMatchObject({ totalScore: 93.36, grade: '优' });
    expect(cellAt(controller.getState().snapshot as WorkbookSnapshot, '评分表', 12, 6)?.value).toEqual({
      type: 'number',
      value: 10,
    });
  });

  it('refuses text, formulas and formula cells with the reason, and opens no preview', async () => {
    const { controller } = await scannedWhatIf();
    expect(controller.previewEdit(WHAT_IF.score, '=G14*2')).toEqual({ kind: 'formula-input', text: '=G14*2' });
    expect(controller.previewEdit(WHAT_IF.score, '五')).toEqual({ kind: 'not-a-number', text: '五' });
    expect(controller.previewEdit(WHAT_IF.total, '90')).toEqual({ kind: 'formula-cell' });
    expect(controller.previewEdit({ sheet: '评分表', cell: 'C13' }, '5')).toEqual({ kind: 'not-a-number-cell' });
    expect(controller.getState().preview).toBeNull();
  });

  it('in the sample, whose total is typed, moves no formula: the re-check says the total no longer adds up', async () => {
    const { controller } = await scanned();
    expect(controller.previewEdit({ sheet: '评分表', cell: 'G13' }, '5')).toBeNull();
    expect(controller.getState().preview?.dependents).toEqual([]);
    await controller.applyPreview();
    const state = controller.getState();
    expect(state.notice).toEqual({ kind: 'edited', cell: '评分表!G13', recalculated: 0 });
    // The typed 合计 stays 93.36 (nothing reads G13), and the check flags it against its items.
    expect(state.result?.summary.totalScore).toBe(93.36);
    expect(listed(controller)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^error score\/total 评分表!G19$/)]),
    );
  });
});

describe('live re-check', () => {
  it('waits 300 ms after the last change, re-reads only the changed sheet and updates findings', async () => {
    const { host, controller } = await scanned();
    const before = controller.getState().snapshot as WorkbookSnapshot;
    jest.useFakeTimers();
    await controller.setLive(true);
    expect(controller.getState().live).toBe(true);
    const readAll = jest.spyOn(host, 'readSnapshot');
    const readSome = jest.spyOn(host, 'readSheets');

    // The user types the missing score into 评分表!G8 (FileHost reports the edit as Excel's onChanged would).
    const typed: CellWrite = {
      sheet: '评分表',
      cell: 'G8',
      row: 7,
      col: 6,
      formula: '4',
      value: 4,
      code: 'test',
      reason: 'test',
      old: { value: { type: 'empty' } },
    };
    await host.applyWrites([typed], 'zh-CN');
    await jest.advanceTimersByTimeAsync(150);
    await host.applyWrites([{ ...typed, formula: '4.0' }], 'zh-CN'); // a second edit restarts the wait
    await jest.advanceTimersByTimeAsync(299);
    expect(readSome).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    await controller.settled();

    expect(readSome).toHaveBeenCalledTimes(1);
    expect(readSome).toHaveBeenCalledWith(['评分表']);
    expect(readAll).not.toHaveBeenCalled();
    const after = controller.getState().snapshot as WorkbookSnapshot;
    // Other sheets are the very objects of the last snapshot: only 评分表 was re-read and spliced in.
    for (const name of ['结论表', '汇总表', '资金情况', '满意度调查']) {
      expect(after.sheets.find((s) => s.name === name)).toBe(before.sheets.find((s) => s.name === name));
    }
    expect(after.sheets.find((s) => s.name === '评分表')).not.toBe(before.sheets.find((s) => s.name === '评分表'));
    // A score the user typed (not one the product filled): the typed 合计 beside the SUM of weights could be a SUM.
    expect([...listed(controller)].sort()).toEqual(
      [...AFTER_SCORE_FILLED, 'warning formula/hardcoded 评分表!G19'].sort(),
    );

    await controller.setLive(false);
    await host.applyWrites([{ ...typed, formula: '3', value: 3 }], 'zh-CN');
    await jest.advanceTimersByTimeAsync(1000);
    expect(readSome).toHaveBeenCalledTimes(1);
  });

  it('ignores the pane’s own writes (they are re-scanned anyway)', async () => {
    const { host, controller } = await scanned();
    jest.useFakeTimers();
    await controller.setLive(true);
    const readSome = jest.spyOn(host, 'readSheets');
    controller.previewFill();
    await controller.applyPreview();
    await jest.advanceTimersByTimeAsync(1000);
    expect(readSome).not.toHaveBeenCalled();
    controller.dispose();
  });

  it('spliceSheets replaces by name, appends new sheets and drops vanished ones', () => {
    const sheet = (name: string, n = 0): Sheet => ({
      name,
      visibility: 'visible',
      cells: [{ row: 0, col: 0, value: { type: 'number', value: n } }],
      merges: [],
    });
    const a = sheet('A');
    const b = sheet('B');
    const c = sheet('C');
    const spliced = spliceSheets({ sheets: [a, b, c] }, ['B', 'C', 'D'], [sheet('B', 1), sheet('D', 2)]);
    expect(spliced.sheets.map((s) => s.name)).toEqual(['A', 'B', 'D']);
    expect(spliced.sheets[0]).toBe(a);
    expect(spliced.sheets[1]?.cells[0]?.value).toEqual({ type: 'number', value: 1 });
  });
});

describe('profile', () => {
  it('an invalid saved profile falls back to the defaults with a notice naming the field', async () => {
    storage.setItem('score-audit.profile', JSON.stringify({ rateDecimals: 'two' }));
    const { controller } = await scanned();
    const state = controller.getState();
    expect(state.profile).toEqual(DEFAULT_PROFILE);
    expect(state.profileNotice).toContain('rateDecimals');
    expect(state.profileNotice).toMatch(/字段/);
    expect(listed(controller)).toEqual(SEED_FINDINGS);
  });

  it('the notice is in English for English users', async () => {
    storage.setItem('score-audit.profile', JSON.stringify({ grades: [] }));
    const { controller } = await scanned('en-US');
    expect(controller.getState().profileNotice).toMatch(/^field grades is too small/);
  });

  it('a valid saved profile is used by the scan', async () => {
    storage.setItem('score-audit.profile', JSON.stringify({ rulesOff: ['derived/missing'] }));
    const { controller } = await scanned();
    expect(controller.getState().profileNotice).toBeNull();
    expect(controller.getState().profile.rulesOff).toEqual(['derived/missing']);
    expect(listed(controller)).toEqual(SEED_FINDINGS.filter((f) => !f.includes('derived/missing')));
    // The drawer shows the older list as one setting a rule, and saves it so.
    expect(toDraft(controller.getState().profile).rules).toEqual({ 'derived/missing': 'off' });
  });

  it('saving validates first: an invalid draft is refused with the field named and nothing saved', async () => {
    const { host, controller } = await scanned();
    const save = jest.spyOn(host, 'saveProfile');
    const draft = toDraft(controller.getState().profile);
    draft.rateDecimals = '-1';
    expect(await controller.saveProfile(draft)).toBe('字段 rateDecimals 过小（最小 0）');
    expect(save).not.toHaveBeenCalled();
    expect(storage.items.size).toBe(0);
  });

  it('saving a valid draft stores it, re-checks with it, and it loads back', async () => {
    const { host, controller } = await scanned();
    const draft = toDraft(controller.getState().profile);
    draft.rules = { 'derived/missing': 'off', 'score/missing': 'warn' };
    expect(await controller.saveProfile(draft)).toBeNull();
    expect(controller.getState().notice).toEqual({ kind: 'profile-saved' });
    expect(listed(controller)).toEqual(
      SEED_FINDINGS.filter((f) => !f.includes('derived/missing')).map((f) =>
        f.replace('error score/missing', 'warning score/missing'),
      ),
    );
    expect(JSON.parse(storage.getItem('score-audit.profile') ?? '{}').rules).toEqual({
      'derived/missing': 'off',
      'score/missing': 'warn',
    });
    const again = new Controller(host, 'zh-CN');
    expect((await again.loadProfile()).rules).toEqual({ 'derived/missing': 'off', 'score/missing': 'warn' });
  });
});
