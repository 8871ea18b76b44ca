import { checkWorkbook } from '../../core/check';
import { planFixes } from '../../core/fix/plan';
import { buildForms, faithfulProject, FORM_VARIANTS, type FormVariant } from '../../../test/fixtures/national-forms';
import { FileHost } from './file-host';
import { SubmissionHost } from './submission-host';

const separate = FORM_VARIANTS.find((v) => v.name === 'separate-shifted') as FormVariant;

async function open(plant: (p: ReturnType<typeof faithfulProject>) => void): Promise<SubmissionHost> {
  const project = faithfulProject();
  plant(project);
  const parts = (await buildForms(project, separate)).map((file) => {
    const opened = FileHost.open(file.name, file.bytes, 'zh-CN');
    if (!opened.ok) throw new Error(opened.error);
    const host = opened.host;
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
});
