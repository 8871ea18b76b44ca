import {
  faithfulFixtures,
  fixtureOf,
  runRule,
  runRuleWithFixes,
  SEED_VARIANTS,
  seedWorkbook,
  type SeedFixture,
} from '../../../test/rule-harness';
import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import { seed000 } from '../../../test/fixtures/seeds/seed000';
import { seed001 } from '../../../test/fixtures/seeds/seed001';
import { seed003 } from '../../../test/fixtures/seeds/seed003';
import { amountTotal } from './amount-total';

let faithful: Map<string, SeedFixture>;
beforeAll(async () => {
  faithful = await faithfulFixtures();
}, 60_000);

describe('amount/total on hand-made funds tables', () => {
  it('reports a typed 合计 row shifted one column to the right of its items (a budget export)', () => {
    const snapshot = workbookOf(
      sheetOf('预算', [
        ['单位：万元'],
        ['科目', '预算数', '执行数', '结余资金'],
        ['办公费', 10, 8, 2],
        ['差旅费', 5, 4, 1],
        ['合计', null, 15, 12],
      ]),
    );
    const findings = runRule(amountTotal, snapshot);
    expect(findings.map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['C5', 12, 15],
      ['D5', 3, 12],
    ]);
    expect(findings[0]).toMatchObject({
      code: 'amount/total',
      severity: 'error',
      sheet: '预算',
      message: '“合计”行的“执行数”为 15，等于左侧一列各项之和，合计行可能错位一列；本列各项之和为 12',
      related: [
        { sheet: '预算', cell: 'C3' },
        { sheet: '预算', cell: 'C4' },
      ],
    });
    expect(runRule(amountTotal, snapshot, { lang: 'en-US' })[0]?.message).toBe(
      'The "合计" row’s 执行数 15 is the sum of the column to its left: the total row may be shifted one column; this column adds up to 12',
    );
  });

  it('checks 小计 against the rows since the last subtotal and 合计 against the subtotals, with a SUM fix', () => {
    const snapshot = workbookOf(
      sheetOf('资金', [
        ['年度', '资金来源', '金额（万元）'],
        ['2023', '中央', { value: 100, format: '0.00' }],
        [null, '省级', { value: 20, format: '0.00' }],
        [null, '小计', { value: 120, format: '0.00' }],
        ['2024', '中央', { value: 80, format: '0.00' }],
        [null, '省级', { value: 10, format: '0.00' }],
        [null, '小计', { value: 95, format: '0.00' }],
        ['合计', null, { value: 215, format: '0.00' }],
      ]),
    );
    const findings = runRuleWithFixes(amountTotal, snapshot);
    expect(findings.map((f) => [f.cell, f.expectedText, f.actualText])).toEqual([['C7', '90.00', '95.00']]);
    expect(findings[0]?.message).toBe('“小计”行的“金额（万元）”为 95.00，不等于上方各项之和 90.00');
    expect(findings[0]?.fix).toMatchObject({
      kind: 'correct',
      writes: [{ cell: 'C7', formula: 'SUM(C5:C6)', value: 90 }],
    });
  });

  it('checks a total column (资金小计) against the amounts beside it, and a 合计 on top against the rows below it', () => {
    const snapshot = workbookOf(
      sheetOf('来源', [
        ['资金来源', '中央资金', '省级资金', '资金小计'],
        ['合计', 6, 1, 7],
        ['其中：项目一', 4, 1, 5],
        ['项目二', 2, 1, 3],
      ]),
    );
    expect(runRule(amountTotal, snapshot).map((f) => [f.cell, f.expected, f.actual, f.message])).toEqual(
      [
        ['C2', 2, 1, '“合计”的“省级资金”为 1，不等于其中各项之和 2'],
        ['D2', 8, 7, '“合计”的“资金小计”为 7，不等于其中各项之和 8'],
        ['D3', 5, 5, expect.any(String)],
      ].filter((row) => row[0] !== 'D3'),
    );
  });

  it('gives nothing for a table that adds up, a 其中 row that details one item, or text in a column', () => {
    const snapshot = workbookOf(
      sheetOf('资金', [
        ['资金来源', '金额（万元）', '备注'],
        ['中央', 100, null],
        ['其中：专项', 60, null],
        ['省级', 20, '2024'],
        ['合计', 120, null],
      ]),
    );
    expect(runRule(amountTotal, snapshot)).toEqual([]);
  });
});

describe('amount/total on seed fixtures', () => {
  it('reports seed 001’s 资金下达情况表 合计 planted as 516.97 (the rows add to 515.97)', async () => {
    const { snapshot, layout } = await seedWorkbook(seed001, (copy) => {
      const total = copy.funds?.[0]?.rows.find((r) => r.kind === 'total');
      if (total) total.values[1] = 516.97;
    });
    const cell = layout.amounts[0]?.totals[0]?.cell;
    expect(runRule(amountTotal, snapshot).map((f) => [f.cell, f.expected, f.actual])).toEqual([
      [cell, 515.97, 516.97],
      // The row's 资金小计 530.5 no longer equals 516.97 + 14.53 + 0 either.
      [expect.any(String), 531.5, 530.5],
    ]);
  });

  it('reports seed 000’s 合计 2.81 over its parts planted to 0.5 + 2.81', async () => {
    const { snapshot } = await seedWorkbook(seed000, (copy) => {
      const part = copy.funds?.[0]?.rows[1];
      if (part) part.values[0] = 0.5;
    });
    expect(runRule(amountTotal, snapshot)).toMatchObject([
      {
        sheet: '资金情况',
        expected: 3.31,
        actual: 2.81,
        message: '“合计”的“预算安排资金（A）”为 2.81，不等于其中各项之和 3.31',
      },
    ]);
  });

  it('reports seed 003’s payment list whose 合计 is 80,000.00 元 while its items add to 70,000.00', async () => {
    const { snapshot } = await seedWorkbook(seed003, (copy) => {
      const list = copy.payments?.[0];
      if (list) list.total = 80000;
    });
    expect(runRule(amountTotal, snapshot)).toMatchObject([
      {
        expected: 70000,
        actual: 80000,
        expectedText: '70,000.00',
        actualText: '80,000.00',
        message: '“合计”行的“金额（元）”为 80,000.00，不等于上方各项之和 70,000.00',
      },
    ]);
  });

  it.each(SEED_VARIANTS)('seed %s (%s) gives no finding', (id, variant) => {
    expect(runRule(amountTotal, fixtureOf(faithful, id, variant).snapshot)).toEqual([]);
  });
});
