import { writeFileSync } from 'node:fs';
import { run, tempFolder } from './cli-run';
import { EXIT } from '../src/cli/main';
import { FindingSchema } from '../src/core/finding';
import { buildForms, faithfulProject, FORM_VARIANTS, type FormVariant } from './fixtures/national-forms';

const { path } = tempFolder('score-audit-together-');
const separate = FORM_VARIANTS.find((v) => v.name === 'separate-text') as FormVariant;
let files: string[] = [];

beforeAll(async () => {
  const project = faithfulProject();
  // The self-evaluation's 年初预算数 differs from the target, monitoring and plan forms (120).
  project.annual.self = { total: 130, fiscal: 110, carryover: 20, other: null };
  const forms = await buildForms(project, separate);
  files = forms.map((form) => {
    writeFileSync(path(form.name), form.bytes);
    return path(form.name);
  });
}, 60_000);

describe('score-audit check --together', () => {
  it('reconciles the forms exported as separate files: one report element per file, findings in their own file', async () => {
    const { code, out } = await run('check', ...files, '--together', '--format', 'json');
    const reports = JSON.parse(out) as Array<{ file: string; findings: unknown[]; summary: { errors: number } }>;
    expect(reports.map((r) => r.file)).toEqual(files);
    for (const report of reports)
      for (const finding of report.findings) expect(FindingSchema.safeParse(finding).success).toBe(true);
    const self = reports.find((r) => r.file.endsWith('项目支出绩效自评表.xlsx'));
    expect(self?.findings).toEqual([
      expect.objectContaining({
        code: 'cross/mismatch',
        sheet: '项目支出绩效自评表',
        cell: 'C6',
        expected: 120,
        actual: 130,
        related: [{ sheet: '[项目支出计划.xlsx]项目支出计划', cell: 'B6' }],
      }),
      expect.objectContaining({ code: 'cross/mismatch', cell: 'C7', expected: 100, actual: 110 }),
    ]);
    expect(reports.filter((r) => r !== self).every((r) => r.findings.length === 0)).toBe(true);
    expect(self?.summary.errors).toBe(2);
    expect(code).toBe(EXIT.errors);
  });

  it('without --together checks each file on its own: nothing to reconcile', async () => {
    const { code, out } = await run('check', ...files, '--format', 'json');
    const reports = JSON.parse(out) as Array<{ findings: unknown[] }>;
    expect(reports.flatMap((r) => r.findings)).toEqual([]);
    expect(code).toBe(EXIT.clean);
  });

  it('prints text per file, naming the other file in the message', async () => {
    const { out } = await run('check', ...files, '--together', '--jobs', '1');
    expect(out).toContain('项目支出绩效自评表.xlsx');
    expect(out).toContain(
      'C6  前后不一致  “年初预算数”为 130.00，“[项目支出计划.xlsx]项目支出计划”B6 为 120.00，两处不一致',
    );
  });
});
