import {
  faithfulFixtures,
  fixtureOf,
  runRule,
  SEED_VARIANTS,
  seedWorkbook,
  type SeedFixture,
} from '../../../test/rule-harness';
import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import { seed002 } from '../../../test/fixtures/seeds/seed002';
import type { Layout } from '../../../test/fixtures/build-workbook';
import type { WorkbookSnapshot } from '../snapshot';
import { sheetUnrecognized } from './sheet-unrecognized';

type Built = { snapshot: WorkbookSnapshot; layout: Layout };

let faithful: Map<string, SeedFixture>;
/** Seed 002 with its conclusion sheet holding only filler notes (填表人, 联系电话) instead of the score and grade. */
let notes: Built;

beforeAll(async () => {
  faithful = await faithfulFixtures();
  notes = await seedWorkbook(seed002, (copy) => {
    copy.conclusion = {
      title: '填表说明',
      entries: [
        { label: '填表人', value: '张三' },
        { label: '联系电话', value: '0916-1234567' },
        { label: '页数', value: 3 },
      ],
    };
  });
}, 60_000);

describe('sheet/unrecognized on a planted seed fault', () => {
  it('reports seed 002’s 结论表 once it holds nothing but notes, and only that sheet', () => {
    const sheet = notes.layout.keyValues[0]?.value.sheet;
    expect(sheet).toBe('结论表');
    const findings = runRule(sheetUnrecognized, notes.snapshot);
    expect(findings).toEqual([
      { code: 'sheet/unrecognized', severity: 'info', sheet: '结论表', cell: 'A1', message: expect.any(String) },
    ]);
    expect(findings[0]?.message).toBe('工作表“结论表”中未识别出评分表、资金表、问卷表或汇总表');
  });

  it('words the finding in English with en-US', () => {
    expect(runRule(sheetUnrecognized, notes.snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      'Nothing in sheet "结论表" was recognised as a scoring, funds, survey or summary table',
    ]);
  });
});

describe('sheet/unrecognized on hand-made workbooks', () => {
  it('tells an empty sheet from a sheet of unrecognised figures, and leaves a sheet of text alone', () => {
    const snapshot = workbookOf(
      sheetOf('实施方案', [['一、项目概况'], ['本项目由市人社局实施……']]),
      sheetOf('说明', [['本表由财政局统一印制'], ['填表人：张三'], ['页数', 3]]),
      sheetOf('空表', []),
      sheetOf('评分', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['决策', '立项', 10, 9],
      ]),
    );
    expect(runRule(sheetUnrecognized, snapshot)).toEqual([
      {
        code: 'sheet/unrecognized',
        severity: 'info',
        sheet: '说明',
        cell: 'A1',
        message: '工作表“说明”中未识别出评分表、资金表、问卷表或汇总表',
      },
      { code: 'sheet/unrecognized', severity: 'info', sheet: '空表', cell: 'A1', message: '工作表“空表”为空' },
    ]);
  });

  it('reports a workbook with no sheets at all', () => {
    expect(runRule(sheetUnrecognized, workbookOf())).toEqual([
      { code: 'sheet/unrecognized', severity: 'info', sheet: '', cell: 'A1', message: '工作簿中没有工作表' },
    ]);
    expect(runRule(sheetUnrecognized, workbookOf(), { lang: 'en-US' })[0]?.message).toBe(
      'The workbook has no worksheets',
    );
  });

  it('does not report a sheet holding only a key-value conclusion', () => {
    expect(runRule(sheetUnrecognized, workbookOf(sheetOf('结论', [['评价得分', 88, '评价等级', '良']])))).toEqual([]);
  });
});

describe('sheet/unrecognized on the faithful seed fixtures', () => {
  it.each(SEED_VARIANTS)('seed %s (%s) has every sheet recognised', (id, variant) => {
    expect(runRule(sheetUnrecognized, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
