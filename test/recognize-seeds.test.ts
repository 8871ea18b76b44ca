import { checkWorkbook } from '../src/core/check';
import { asFraction } from '../src/core/recognize/figures';
import { keyOfLabel } from '../src/core/recognize/key-values';
import type { WorkbookModel } from '../src/core/model';
import { readWorkbook } from '../src/file/read-workbook';
import { buildWorkbook, VARIANTS, type Layout } from './fixtures/build-workbook';
import { convertWithLibreOffice } from './fixtures/libreoffice';
import type { SeedReport } from './fixtures/seed-model';
import { SEEDS } from './fixtures/seeds';
import { tablesOf } from '../src/core/model/tables';
import { flattenIndicators } from './model-walk';

interface Built {
  seed: SeedReport;
  variant: string;
  layout: Layout;
  xlsx: Uint8Array;
}

const cases: Array<[string, SeedReport, (typeof VARIANTS)[number]]> = SEEDS.flatMap((seed) =>
  VARIANTS.map(
    (variant) => [`${seed.id} ${variant.name}`, seed, variant] as [string, SeedReport, (typeof VARIANTS)[number]],
  ),
);
const built = new Map<string, Built>();
let xlsModels: Map<string, WorkbookModel>;

function modelOf(bytes: Uint8Array, name: string) {
  const read = readWorkbook(bytes, name);
  if (!read.ok) throw new Error(`${name}: ${read.error.message}`);
  return checkWorkbook(read.workbook);
}

beforeAll(async () => {
  for (const [name, seed, variant] of cases) {
    const { bytes, layout } = await buildWorkbook(seed, variant);
    built.set(name, { seed, variant: variant.name, layout, xlsx: bytes });
  }
  const names = [...built.keys()];
  const xls = convertWithLibreOffice(
    names.map((name) => ({ name: `${name}.xlsx`, bytes: (built.get(name) as Built).xlsx })),
    'xls',
  );
  xlsModels = new Map(names.map((name, i) => [name, modelOf(xls[i] as Uint8Array, `${name}.xls`).model]));
}, 240_000);

function expectFigure(
  model: WorkbookModel,
  placed: { sheet: string; cell: string } | undefined,
  figure: { sheet: string; cell: string; value: number | null } | undefined,
  value: number | null | undefined,
): void {
  expect(placed).toBeDefined();
  expect(figure).toBeDefined();
  expect({ sheet: figure?.sheet, cell: figure?.cell }).toEqual(placed);
  if (value !== undefined) expect(figure?.value).toBe(value);
  expect(model).toBeDefined();
}

function assertModel(model: WorkbookModel, { seed, layout }: Built): void {
  if (seed.scoreTable || seed.selfEvaluation) {
    const table = tablesOf(model, 'indicators')[0];
    expect(table).toBeDefined();
    if (!table) return;
    expect(table.selfEvaluation).toBe(!!seed.selfEvaluation);
    const found = flattenIndicators(table.indicators);
    expect(found.map((f) => f.path)).toEqual(layout.indicators.map((i) => i.path));
    const seedNodes = flattenSeed(seed.scoreTable?.indicators ?? seed.selfEvaluation?.indicators ?? []);
    layout.indicators.forEach((placed, i) => {
      const { node } = found[i] as (typeof found)[number];
      const seedNode = seedNodes[i] as (typeof seedNodes)[number];
      expect(node.level).toBe(placed.level);
      expect({ sheet: node.name.sheet, cell: node.name.cell }).toEqual(placed.name);
      expect(node.labelWeight).toBe(placed.labelWeight);
      if (placed.weight) expectFigure(model, placed.weight, node.weight, seedNode.weight);
      if (placed.score) expectFigure(model, placed.score, node.score, seedNode.score);
    });
    const total = seed.scoreTable?.total ?? seed.selfEvaluation?.total;
    expectFigure(model, layout.total?.weight, table.total?.weight, total?.weight);
    expectFigure(model, layout.total?.score, table.total?.score, total?.score);
  }
  if (seed.summary && layout.summary) {
    const summary = tablesOf(model, 'summary')[0];
    expect(summary?.orientation).toBe(layout.summary.orientation);
    expect(summary?.rows.map((r) => r.name.text)).toEqual(seed.summary.rows.map((r) => r.name));
    seed.summary.rows.forEach((row, i) => {
      const found = summary?.rows[i];
      const placed = layout.summary?.rows[i];
      expectFigure(model, placed?.weight, found?.weight, row.weight);
      expectFigure(model, placed?.score, found?.score, row.score);
      if (row.rate && found?.rate)
        expect(asFraction(found.rate)).toBeCloseTo(Number(row.rate.replace('%', '')) / 100, 10);
      else expect(row.rate).toBeUndefined();
    });
    expectFigure(model, layout.summary.total?.score, summary?.total?.score, seed.summary.total.score);
  }
  if (seed.conclusion) {
    const entries = tablesOf(model, 'key-values').flatMap((t) => t.entries);
    const placedKeys = layout.keyValues.filter((k) => keyOfLabel(k.label));
    expect(placedKeys.length).toBeGreaterThan(0);
    for (const placed of placedKeys) {
      const entry = entries.find((e) => e.key === keyOfLabel(placed.label)?.key);
      expect(entry?.value?.cell ?? entry?.text?.cell).toBe(placed.value.cell);
    }
    const grade = seed.conclusion.entries.find((e) => e.label.includes('等级'))?.value;
    expect(entries.find((e) => e.key === '评价等级')?.text?.text).toBe(grade);
    if (placedKeys.some((k) => k.label.startsWith('预算安排资金'))) {
      expect(entries.find((e) => e.key === '预算安排资金')?.unit).toBe('万元');
      expect(entries.find((e) => e.key === '预算执行率')?.symbol).toBe('C/B');
    }
  }
  const amounts = tablesOf(model, 'amounts');
  expect(amounts.map((t) => t.rows.length)).toEqual(layout.amounts.map((a) => a.rows));
  layout.amounts.forEach((placed, i) => {
    const totals = amounts[i]?.rows
      .filter((r) => r.kind === 'total')
      .flatMap((r) => r.values.filter((v) => v && v.value !== null).map((v) => v?.cell));
    expect(totals).toEqual(placed.totals.map((t) => t.cell));
  });
  (seed.payments ?? []).forEach((list, i) => expect(amounts[(seed.funds?.length ?? 0) + i]?.unit).toBe(list.unit));
  const surveys = tablesOf(model, 'survey');
  expect(surveys.length).toBe(layout.surveys.length);
  layout.surveys.forEach((placed, i) => {
    const survey = surveys[i];
    expect(survey?.questions.map((q) => q.text.cell)).toEqual(placed.questions.map((q) => q.text.cell));
    expect(survey?.questions.map((q) => q.counts.map((c) => c?.cell))).toEqual(
      placed.questions.map((q) => q.counts.map((c) => c.cell)),
    );
    expect(survey?.options.map((o) => o.value?.cell)).toEqual(
      placed.optionValues?.map((v) => v.cell) ?? survey?.options.map(() => undefined),
    );
    expect(survey?.questions.map((q) => q.counts.map((c) => c?.value))).toEqual(
      seed.surveys?.[i]?.questions.map((q) => q.counts),
    );
  });
  if (seed.accuracy) {
    const accuracy = tablesOf(model, 'accuracy')[0];
    expect(
      accuracy?.rows.map((r) => [r.duePersons?.cell, r.paidPersons?.cell, r.dueAmount?.cell, r.paidAmount?.cell]),
    ).toEqual(
      layout.accuracy?.map((r) => [r.duePersons.cell, r.paidPersons.cell, r.dueAmount.cell, r.paidAmount.cell]),
    );
    expect(accuracy?.rows.map((r) => r.paidAmount?.value)).toEqual(seed.accuracy.rows.map((r) => r.paidAmount));
  }
  if (seed.selfEvaluation && layout.budget) {
    const budget = tablesOf(model, 'budget')[0]?.rows[0];
    expectFigure(model, layout.budget.fullYearBudget, budget?.fullYearBudget, seed.selfEvaluation.funds.fullYearBudget);
    expectFigure(model, layout.budget.executed, budget?.executed, seed.selfEvaluation.funds.executed);
    expectFigure(model, layout.budget.score, budget?.score, seed.selfEvaluation.funds.score);
  }
}

function flattenSeed(
  nodes: NonNullable<SeedReport['scoreTable']>['indicators'],
): Array<{ weight: number; score: number | null }> {
  return nodes.flatMap((node) => [node, ...flattenSeed(node.children ?? [])]);
}

describe.each(cases)('seed %s', (name) => {
  it('is recognised with every value at its address (.xlsx)', () => {
    const fixture = built.get(name) as Built;
    const { model, findings } = modelOf(fixture.xlsx, `${name}.xlsx`);
    assertModel(model, fixture);
    expect(findings.filter((f) => f.code === 'sheet/unrecognized')).toEqual([]);
  });

  it('gives the same model from the .xls LibreOffice writes', () => {
    const fixture = built.get(name) as Built;
    const xlsModel = xlsModels.get(name) as WorkbookModel;
    assertModel(xlsModel, fixture);
    expect(stripFormats(xlsModel)).toEqual(stripFormats(modelOf(fixture.xlsx, `${name}.xlsx`).model));
  });
});

/** Formula text is compared separately: LibreOffice rewrites it (spacing, function case) when it saves BIFF. */
function stripFormats(model: WorkbookModel): unknown {
  return JSON.parse(JSON.stringify(model, (key, value: unknown) => (key === 'formula' ? undefined : value)));
}
