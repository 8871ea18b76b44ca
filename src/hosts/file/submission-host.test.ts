import { openedFileHost } from '../../../test/opened-file-host';
import { checkWorkbook } from '../../core/check';
import { planEdit } from '../../core/fix/edit';
import { planFixes } from '../../core/fix/plan';
import { cellAddress } from '../../core/address';
import { buildForms, faithfulProject, FORM_VARIANTS, type FormVariant } from '../../../test/fixtures/national-forms';
import { SubmissionHost } from './submission-host';

const separate = FORM_VARIANTS.find((v) => v.name === 'separate-shifted') as FormVariant;

async function open(plant: (p: ReturnType<typeof faithfulProject>) => void): Promise<SubmissionHost> {
  const project = faithfulProject();
  plant(project);
  const parts = (await buildForms(project, separate)).map((file) => {
    const host = openedFileHost(file.name, file.bytes, 'zh-CN');
    return { name: file.name, host };
  });
  return new SubmissionHost(parts);
}

describe('SubmissionHost (several files opened as one submission in the standalone page)', () => {
  it('shows the files as one workbook with sheets named [file]sheet, so cross-file findings are found', async () => {
    const host = await open((p) => {
      p.annual.monitoring.carryover = null;
    });
    const snapshot = await host.readSnapshot();
    expect(snapshot.sheets.map((s) => s.name)).toEqual([
      '[项目支出计划.xlsx]项目支出计划',
      '[项目支出绩效目标申报表.xlsx]项目支出绩效目标申报表',
      '[项目支出绩效目标执行监控.xlsx]项目支出绩效目标执行监控',
      '[项目支出绩效自评表.xlsx]项目支出绩效自评表',
    ]);
    const { findings } = checkWorkbook(snapshot);
    expect(findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`)).toEqual([
      'cross/missing [项目支出绩效目标执行监控.xlsx]项目支出绩效目标执行监控!C8',
    ]);
    expect(host.title).toBe(
      '项目支出计划.xlsx、项目支出绩效目标申报表.xlsx、项目支出绩效目标执行监控.xlsx、项目支出绩效自评表.xlsx',
    );
  });

  it('writes each cell into its own file and undoes the batch in every file it wrote', async () => {
    const host = await open((p) => {
      p.selfRate = null;
    });
    // The self-evaluation's blank 执行率 is filled: the write goes to that file's sheet, under its own name.
    const snapshot = await host.readSnapshot();
    const result = checkWorkbook(snapshot);
    const writes = planFixes(snapshot, result.findings);
    expect(writes.map((w) => w.sheet)).toContain('[项目支出绩效自评表.xlsx]项目支出绩效自评表');
    await host.applyWrites(writes, 'zh-CN');
    expect(host.undoDepth()).toBe(1);
    const after = await host.readSnapshot();
    expect(checkWorkbook(after).findings.filter((f) => f.fix?.kind === 'fill')).toEqual([]);
    expect(await host.undoLast()).toBe(writes.length);
    expect(host.undoDepth()).toBe(0);
  });

  it('writes an edit on site into the file the cell belongs to, recorded there, and undoes it', async () => {
    const host = await open(() => undefined);
    const snapshot = await host.readSnapshot();
    const sheet = '[项目支出绩效自评表.xlsx]项目支出绩效自评表';
    const typed = snapshot.sheets
      .find((s) => s.name === sheet)
      ?.cells.find((c) => c.value.type === 'number' && c.formula === undefined);
    expect(typed).toBeDefined();
    const cell = cellAddress(typed?.row ?? 0, typed?.col ?? 0);
    const planned = planEdit(snapshot, { sheet, cell }, '12,345.6', 'zh-CN');
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    await host.applyWrites([planned.edit.write], 'zh-CN');
    const after = await host.readSnapshot();
    const edited = after.sheets
      .find((s) => s.name === sheet)
      ?.cells.find((c) => c.row === typed?.row && c.col === typed?.col);
    expect(edited?.value).toEqual({ type: 'number', value: 12345.6 });
    expect(edited?.formula).toBeUndefined();
    // Recorded in that file's own 审核记录, and no other file was written.
    expect(after.sheets.map((s) => s.name).filter((name) => name.endsWith('审核记录'))).toEqual([
      '[项目支出绩效自评表.xlsx]审核记录',
    ]);
    expect(await host.undoLast()).toBe(1);
    const back = await host.readSnapshot();
    expect(
      back.sheets.find((s) => s.name === sheet)?.cells.find((c) => c.row === typed?.row && c.col === typed?.col)?.value,
    ).toEqual(typed?.value);
  });
});
