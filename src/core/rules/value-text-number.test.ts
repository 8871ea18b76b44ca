import { parseCellAddress } from '../address';
import {
  faithfulFixtures,
  fixtureOf,
  placedIndicator,
  runRule,
  SEED_VARIANTS,
  seedWorkbook,
  type SeedFixture,
} from '../../../test/rule-harness';
import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import { seed001 } from '../../../test/fixtures/seeds/seed001';
import type { WorkbookSnapshot } from '../snapshot';
import { textNumber, valueTextNumber } from './value-text-number';

let faithful: Map<string, SeedFixture>;
beforeAll(async () => {
  faithful = await faithfulFixtures();
}, 60_000);

function withText(snapshot: WorkbookSnapshot, sheet: string, address: string, text: string): WorkbookSnapshot {
  const copy = structuredClone(snapshot);
  const at = parseCellAddress(address);
  const cell = copy.sheets.find((s) => s.name === sheet)?.cells.find((c) => c.row === at?.row && c.col === at?.col);
  if (!cell) throw new Error(`no cell ${address}`);
  cell.value = { type: 'text', value: text };
  delete cell.formula;
  return copy;
}

describe('textNumber', () => {
  it('reads plain, full-width, grouped and percent numbers and leaves codes and words alone', () => {
    expect(textNumber('85')?.value).toBe(85);
    expect(textNumber('８５．５')?.value).toBe(85.5);
    expect(textNumber('２２，３０５')?.value).toBe(22305);
    expect(textNumber('95%')).toMatchObject({ value: 95, percent: true });
    for (const other of ['001', '110101199001011234', '5分', '优', '2.81/2.81*100%', ''])
      expect(textNumber(other)).toBeUndefined();
  });
});

describe('value/text-number on hand-made sheets', () => {
  it('reports text numbers in a numeric column, full-width and percent included', () => {
    const snapshot = workbookOf(
      sheetOf('Sales', [
        ['Region', 'Amount', 'Share'],
        ['North', 120, 0.3],
        ['South', '８０', 0.2],
        ['East', 100, '25%'],
        ['West', 95, 0.25],
      ]),
    );
    expect(runRule(valueTextNumber, snapshot)).toEqual([
      {
        code: 'value/text-number',
        severity: 'warning',
        sheet: 'Sales',
        cell: 'B3',
        message: '“８０”是以文本存储的数字 80',
        actual: '８０',
        expected: 80,
      },
      {
        code: 'value/text-number',
        severity: 'warning',
        sheet: 'Sales',
        cell: 'C4',
        message: '“25%”是以文本存储的百分数 25%',
        actual: '25%',
        expected: 0.25,
      },
    ]);
    expect(runRule(valueTextNumber, snapshot, { lang: 'en-US' }).map((f) => f.message)).toEqual([
      '"８０" is the number 80 stored as text',
      '"25%" is the percentage 25% stored as text',
    ]);
  });

  it('reports a score typed as text in a recognised indicator table', () => {
    const snapshot = workbookOf(
      sheetOf('评分', [
        ['一级指标', '二级指标', '分值', '得分'],
        ['过程', '预算执行率', 4, '４'],
        [null, '资金使用', 6, 5],
      ]),
    );
    expect(runRule(valueTextNumber, snapshot)).toMatchObject([{ cell: 'D2', expected: 4 }]);
  });

  it('leaves text columns, codes and lone numbers in notes alone', () => {
    const snapshot = workbookOf(
      sheetOf('List', [
        ['Code', 'Name', 'Note'],
        ['001', 'Ann', 'see 2019'],
        ['002', 'Bob', '2019'],
        ['003', 'Cy', 'ok'],
      ]),
    );
    expect(runRule(valueTextNumber, snapshot)).toEqual([]);
  });

  it('leaves year headings typed as text over columns of amounts alone, and still reports a text amount below them', () => {
    const snapshot = workbookOf(
      sheetOf('Funds', [
        ['Item', ' 2022 ', '2023'],
        ['Staff', 120, 130],
        ['Rent', 40, '45'],
        ['Travel', 12, 14],
      ]),
    );
    expect(runRule(valueTextNumber, snapshot).map((f) => f.cell)).toEqual(['C3']);
  });
});

describe('value/text-number: codes are text on purpose', () => {
  it('leaves 科目编码 201 / 20101 / 2010101 alone, with or without a heading naming codes', () => {
    const rows = (header: string) => [
      [header, '科目名称', '金额'],
      ['201', '一般公共服务支出', 120],
      ['20101', '人大事务', 40],
      ['2010101', '行政运行', 30],
      ['2010102', '一般行政管理事务', 10],
    ];
    expect(runRule(valueTextNumber, workbookOf(sheetOf('支出', rows('科目编码'))))).toEqual([]);
    expect(runRule(valueTextNumber, workbookOf(sheetOf('支出', rows('栏次'))))).toEqual([]);
  });

  it('leaves columns headed 指标代码 / 序号 / 单据号 and fixed-width identifiers alone', () => {
    const snapshot = workbookOf(
      sheetOf('明细', [
        ['序号', '指标代码', '单据号', '项目编码', '金额（元）'],
        ['1', '11', '73', '530402', 100],
        ['2', '12', '74', '530403', 200],
        ['3', '13', '75', '530404', 300],
      ]),
    );
    expect(runRule(valueTextNumber, snapshot)).toEqual([]);
  });

  it('leaves a cell formatted as text (@) alone', () => {
    const snapshot = workbookOf(
      sheetOf('Sales', [
        ['Region', 'Amount'],
        ['North', 120],
        ['South', { value: '80', format: '@' }],
        ['East', 100],
      ]),
    );
    expect(runRule(valueTextNumber, snapshot)).toEqual([]);
  });
});

describe('value/text-number: one cause over many cells is one finding', () => {
  it('reports a block of amounts stored as text once, over its range, with its count', () => {
    const snapshot = workbookOf(
      sheetOf('资金', [
        ['年度', '预算数', '执行数'],
        ['2022', 100, 90],
        ['2023', '120.00', '110.50'],
        ['2024', '130.00', '125.00'],
        ['合计', 350, 325.5],
      ]),
    );
    const findings = runRule(valueTextNumber, snapshot);
    expect(findings).toEqual([
      {
        code: 'value/text-number',
        severity: 'warning',
        sheet: '资金',
        cell: 'B3:C4',
        count: 4,
        message: '“120.00”等 4 个单元格是以文本存储的数字',
        actual: '120.00',
        expected: 120,
      },
    ]);
    expect(runRule(valueTextNumber, snapshot, { lang: 'en-US' })[0]?.message).toBe(
      '4 cells, "120.00" among them, are numbers stored as text',
    );
  });
});

describe('value/text-number on a seed fixture', () => {
  it('reports a score planted as full-width text (seed 001 项目申报)', async () => {
    const { snapshot, layout } = await seedWorkbook(seed001);
    const placed = placedIndicator(layout, '项目申报');
    const cell = placed.score?.cell as string;
    expect(runRule(valueTextNumber, withText(snapshot, '评分表', cell, '８'))).toEqual([
      expect.objectContaining({ code: 'value/text-number', sheet: '评分表', cell, expected: 8 }),
    ]);
  });

  it.each(SEED_VARIANTS)('seed %s (%s) gives no finding', (id, variant) => {
    expect(runRule(valueTextNumber, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
