import { writeFileSync } from 'node:fs';
import { run, tempFolder } from './cli-run';
import { COMPARE_EXIT } from '../src/cli/compare';
import { ComparisonSchema, type Difference } from '../src/core/compare/schema';
import { writeXlsx } from '../src/file/xlsx/write-xlsx';
import { encryptedWorkbook, truncatedZip } from './fixtures/bad-files';
import { buildWorkbook, VARIANTS } from './fixtures/build-workbook';
import type { SeedReport } from './fixtures/seed-model';
import { seed004 } from './fixtures/seeds/seed004';
import { indicatorNamed } from './rule-harness';
import { sheetOf, workbookOf } from './snapshot-builder';

jest.setTimeout(60_000);

const { path } = tempFolder('score-audit-compare-');

/** The review re-scores two indicators and renames one to text a spreadsheet would take for a formula. */
function review(copy: SeedReport): void {
  const form = copy.selfEvaluation?.indicators ?? [];
  indicatorNamed(form, '接收辖区退休人员数').score = 12;
  indicatorNamed(form, '资金使用时限').name = '=资金支付时限';
  if (copy.selfEvaluation) copy.selfEvaluation.total.score = 93;
}

beforeAll(async () => {
  const [merged, filldown] = VARIANTS as [(typeof VARIANTS)[number], (typeof VARIANTS)[number]];
  const self = (await buildWorkbook(seed004, merged)).bytes;
  const reviewed = structuredClone(seed004);
  review(reviewed);
  writeFileSync(path('自评表.xlsx'), self);
  writeFileSync(path('自评表-另存.xlsx'), (await buildWorkbook(seed004, filldown)).bytes);
  writeFileSync(path('复核表.xlsx'), (await buildWorkbook(reviewed, filldown)).bytes);
  writeFileSync(path('broken.xlsx'), truncatedZip(self));
  writeFileSync(path('locked.xlsx'), encryptedWorkbook(self));
  writeFileSync(path('说明.xlsx'), writeXlsx(workbookOf(sheetOf('说明', [['本文件没有评分表']]))));
});

describe('score-audit compare', () => {
  it('prints the differences as JSON: the documented shape with each side’s file, exit 1', async () => {
    const { code, out, err } = await run('compare', path('自评表.xlsx'), path('复核表.xlsx'), '--format', 'json');
    expect(code).toBe(COMPARE_EXIT.differ);
    expect(err).toBe('');
    const report = JSON.parse(out) as Record<string, unknown> & { self: { file: string }; review: { file: string } };
    expect(Object.keys(report).sort()).toEqual(['agree', 'differences', 'matched', 'review', 'self', 'status']);
    expect(report.self.file).toBe(path('自评表.xlsx'));
    expect(report.review.file).toBe(path('复核表.xlsx'));
    const { file: _self, ...self } = report.self;
    const { file: _review, ...reviewed } = report.review;
    const comparison = ComparisonSchema.parse({ ...report, self, review: reviewed });
    expect(comparison).toMatchObject({
      status: 'compared',
      agree: false,
      self: { totalScore: 96 },
      review: { totalScore: 93 },
    });
    const summary = (d: Difference) =>
      `${d.kind} ${d.path.at(-1) ?? d.item} ${d.self?.value ?? ''}→${d.review?.value ?? ''}`;
    expect(comparison.differences.map(summary)).toEqual([
      'score 产出指标 50→47',
      'score 数量指标 30→27',
      'score 接收辖区退休人员数 15→12',
      'name 资金使用时限 资金使用时限→=资金支付时限',
      'score total 96→93',
    ]);
  });

  it('prints a table to paste, Chinese headings by default and English with --lang en-US; workbook text stays text', async () => {
    const chinese = await run('compare', path('自评表.xlsx'), path('复核表.xlsx'));
    expect(chinese.code).toBe(COMPARE_EXIT.differ);
    const lines = chinese.out.trimEnd().split('\n');
    expect(lines[2]).toBe('差异 5 处（按名称配对 19 个指标，按位置配对 1 个）');
    expect(lines[3]).toBe('指标\t项目\t自评\t复核\t差异（复核−自评）\t自评单元格\t复核单元格');
    const rows = lines.slice(4).map((line) => line.split('\t'));
    expect(rows.every((row) => row.length === 7)).toBe(true);
    expect(rows[2]).toEqual([
      '产出指标 / 数量指标 / 接收辖区退休人员数',
      '得分',
      '15',
      '12',
      '-3',
      '自评表!G7',
      '自评表!G7',
    ]);
    expect(rows[3]?.[3]).toBe("'=资金支付时限");
    expect(rows[0]?.[5]).toMatch(/（计算）$/);

    const english = await run('compare', path('自评表.xlsx'), path('复核表.xlsx'), '--lang', 'en-US');
    expect(english.out.split('\n')[3]).toBe(
      'Indicator\tItem\tSelf-evaluation\tReview\tDifference (review − self)\tSelf-evaluation cell\tReview cell',
    );
    expect(english.out).toContain('total\tscore\t96\t93\t-3');
  });

  it('exits 0 when the two agree, whatever their layouts', async () => {
    const text = await run('compare', path('自评表.xlsx'), path('自评表-另存.xlsx'));
    expect(text.code).toBe(COMPARE_EXIT.agree);
    expect(text.out).toContain('两份文件一致，未发现差异');
    const json = await run('compare', path('自评表.xlsx'), path('自评表-另存.xlsx'), '--format', 'json');
    expect(JSON.parse(json.out)).toMatchObject({ status: 'compared', agree: true, differences: [] });
  });

  it('exits 2 with one line per unreadable file and nothing on stdout', async () => {
    const { code, out, err } = await run('compare', path('locked.xlsx'), path('broken.xlsx'), '--format', 'json');
    expect(code).toBe(COMPARE_EXIT.unusable);
    expect(out).toBe('');
    const lines = err.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('取消密码');
    expect(lines[1]).toContain('broken.xlsx');
    expect(err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    expect((await run('compare', path('自评表.xlsx'), path('missing.xlsx'), '--lang', 'en-US')).err).toBe(
      `${path('missing.xlsx')}: file not found\n`,
    );
    const tooLarge = await run('compare', path('自评表.xlsx'), path('复核表.xlsx'), '--max-cells', '10');
    expect(tooLarge.code).toBe(COMPARE_EXIT.unusable);
    expect(tooLarge.err.trimEnd().split('\n')).toHaveLength(2);
  });

  it('exits 2 when a side has nothing to compare, naming it (and JSON says no-indicator-table)', async () => {
    const text = await run('compare', path('说明.xlsx'), path('复核表.xlsx'));
    expect(text.code).toBe(COMPARE_EXIT.unusable);
    expect(text.err).toBe(`无法比对：${path('说明.xlsx')} 中未识别出指标表或汇总表\n`);
    const json = await run('compare', path('说明.xlsx'), path('复核表.xlsx'), '--format', 'json');
    expect(json.code).toBe(COMPARE_EXIT.unusable);
    expect(JSON.parse(json.out)).toMatchObject({
      status: 'no-indicator-table',
      agree: false,
      self: { table: null },
      review: { table: { kind: 'indicators' } },
    });
  });

  it('refuses wrong arguments with exit 2', async () => {
    for (const argv of [
      ['compare', path('自评表.xlsx')],
      ['compare', path('自评表.xlsx'), path('复核表.xlsx'), path('自评表.xlsx')],
      ['compare', path('自评表.xlsx'), path('复核表.xlsx'), '--format', 'csv'],
      ['compare'],
    ]) {
      const { code, out, err } = await run(...argv);
      expect(code).toBe(COMPARE_EXIT.unusable);
      expect(out).toBe('');
      // One line saying what is wrong; a general argument error adds the usage line.
      const lines = err.trimEnd().split('\n');
      expect(lines.length === 1 || (lines.length === 2 && lines[1]?.startsWith('用法：'))).toBe(true);
    }
    expect((await run('--help')).out).toContain('score-audit compare');
  });
});
