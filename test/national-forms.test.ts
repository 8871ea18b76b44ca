import { checkSubmission } from '../src/core/submission';
import { readWorkbook } from '../src/file/read-workbook';
import {
  buildForms,
  faithfulProject,
  FORM_SHEETS,
  FORM_VARIANTS,
  type FormVariant,
  type NationalProject,
} from './fixtures/national-forms';

/** The forms written in a variant, read back and checked as one submission: `file:sheet!cell code` per finding. */
async function check(variant: FormVariant, plant?: (p: NationalProject) => void) {
  const project = faithfulProject();
  plant?.(project);
  const files = (await buildForms(project, variant)).map((file) => {
    const read = readWorkbook(file.bytes, file.name);
    if (!read.ok) throw new Error(read.error.message);
    return { name: file.name, snapshot: read.workbook };
  });
  return checkSubmission(files).flatMap((file) =>
    file.findings.map((f) => ({ ...f, where: `${variant.separate ? `[${file.name}]` : ''}${f.sheet}!${f.cell}` })),
  );
}

/** The name a sheet of a form has in a finding's `related`: qualified by its file when the forms are separate files. */
function sheetIn(variant: FormVariant, form: keyof typeof FORM_SHEETS, finding: string): string {
  const sheet = FORM_SHEETS[form];
  return variant.separate && !finding.startsWith(`[${sheet}.xlsx]`) ? `[${sheet}.xlsx]${sheet}` : sheet;
}

const where = (variant: FormVariant, form: keyof typeof FORM_SHEETS, cell: string) =>
  `${variant.separate ? `[${FORM_SHEETS[form]}.xlsx]` : ''}${FORM_SHEETS[form]}!${cell}`;

describe.each(FORM_VARIANTS.map((v) => [v.name, v] as const))('the national forms (%s)', (_name, variant) => {
  it('faithful: no finding at all', async () => {
    expect((await check(variant)).map((f) => `${f.code} ${f.where}`)).toEqual([]);
  });

  it('a year in one heading that differs from the others', async () => {
    const findings = await check(variant, (p) => {
      p.years = { monitoring: 2023 };
    });
    const year = findings.filter((f) => f.code === 'cross/mismatch');
    expect(year.map((f) => [f.where, f.actual, f.expected])).toEqual([
      [where(variant, 'monitoring', 'A2'), '2023', '2024'],
    ]);
    expect(year[0]?.related).toEqual([{ sheet: sheetIn(variant, 'target', 'x'), cell: 'A2' }]);
  });

  it('a funds row blank on the monitoring form and filled on the others', async () => {
    const findings = await check(variant, (p) => {
      p.annual.monitoring.carryover = null;
    });
    expect(findings.map((f) => [f.code, f.where])).toEqual([['cross/missing', where(variant, 'monitoring', 'C8')]]);
    expect(findings[0]?.related).toEqual([
      { sheet: sheetIn(variant, 'plan', 'x'), cell: 'D6' },
      { sheet: sheetIn(variant, 'target', 'x'), cell: 'G7' },
      { sheet: sheetIn(variant, 'self', 'x'), cell: 'C8' },
    ]);
    expect(findings[0]?.message).toMatch(/^“上年结转资金·年初预算数”此处为空，而“.*项目支出计划”D6 填有 20(\.00)?$/);
  });

  it('年初预算数 and 财政拨款 of the self-evaluation different from the target, monitoring and plan forms', async () => {
    const findings = await check(variant, (p) => {
      p.annual.self = { total: 130, fiscal: 110, carryover: 20, other: null };
    });
    expect(findings.map((f) => [f.code, f.where, f.expected, f.actual])).toEqual([
      ['cross/mismatch', where(variant, 'self', 'C6'), 120, 130],
      ['cross/mismatch', where(variant, 'self', 'C7'), 100, 110],
    ]);
  });

  it('全年预算数 and 全年执行数 of the self-evaluation against the spending plan’s 全年预算 / 实际支出 小计', async () => {
    const findings = await check(variant, (p) => {
      p.executed.self = { total: 120, fiscal: 101.25, carryover: 18.75, other: null };
      p.selfRate = 0.96;
      p.selfScore = 9.6;
    });
    expect(findings.filter((f) => f.code === 'cross/mismatch').map((f) => [f.where, f.expected, f.actual])).toEqual([
      [where(variant, 'self', 'E6'), 118.75, 120],
      [where(variant, 'self', 'E7'), 100, 101.25],
    ]);
  });

  it('a self-evaluation that drops indicators of the year’s targets (选择性自评), and a target changed', async () => {
    const findings = await check(variant, (p) => {
      p.indicators.self = p.indicators.self.filter((i) => i.name !== '培训完成时间' && i.name !== '就业技能提升人数');
      const quality = p.indicators.self.find((i) => i.name === '培训合格率');
      if (quality) quality.target = '≥90%';
    });
    const missing = findings.filter((f) => f.code === 'cross/missing');
    expect(missing.map((f) => [f.where, f.message])).toEqual(
      [
        [where(variant, 'target', 'F14'), '年度绩效指标“培训完成时间”未出现在“项目支出绩效自评表”中'],
        [where(variant, 'target', 'F15'), '年度绩效指标“就业技能提升人数”未出现在“项目支出绩效自评表”中'],
      ].map(([w, m]) => [
        w,
        variant.separate
          ? (m as string).replace('“项目支出绩效自评表”', '“[项目支出绩效自评表.xlsx]项目支出绩效自评表”')
          : m,
      ]),
    );
    const changed = findings.filter((f) => f.code === 'cross/mismatch');
    expect(changed.map((f) => [f.where, f.expected, f.actual])).toEqual([
      [where(variant, 'self', 'D13'), '≥95%', '≥90%'],
    ]);
  });

  it('the project named otherwise on one form', async () => {
    const findings = await check(variant, (p) => {
      p.names = { self: '职业技能培训项目' };
    });
    expect(findings.map((f) => [f.code, f.where, f.actual])).toEqual([
      ['cross/mismatch', where(variant, 'self', variant.shiftedMerges ? 'C3' : 'B3'), '职业技能培训项目'],
    ]);
  });

  it('其中 rows that do not add up to their total (全年预计执行数 of the monitoring form)', async () => {
    const findings = await check(variant, (p) => {
      p.forecast.total = 110;
    });
    expect(findings.map((f) => [f.code, f.where, f.expected, f.actual])).toEqual([
      ['amount/total', where(variant, 'monitoring', 'F6'), 120, 110],
    ]);
  });
});
