import type { Analysis } from '../analysis';
import { weightOf } from '../model/indicators';
import { scoreOf } from '../analysis/scores';
import { detailFor, matchSummary } from '../analysis/matching';
import { statedGrades, statedTotal } from '../model/stated';
import { budgetRowOf, indicatorTables, summaryTables } from '../model/tables';
import { gradeFor, gradeNamed } from '../grades';
import type { Figure, IndicatorNode, IndicatorTable, SummaryRow, SummaryTable, TextAt, WorkbookModel } from '../model';
import { equalAtDecimals, excelRound, nearlyEqual, sum } from '../numbers';
import type { Profile } from '../profile';
import { normalizeLabel } from '../text';
import type { ComparedValue, ComparedWorkbook, Comparison, Difference } from './schema';

/** What a comparison needs of a checked workbook (`checkWorkbook(...)` gives it). */
export interface CheckedWorkbook {
  model: WorkbookModel;
  analysis: Analysis;
}

/** A weight or score of one side with its cell; `decimals` as the cell displays it. */
interface Measure {
  at: ComparedValue;
  value: number | null;
  decimals?: number;
}

/** An indicator (or a self-evaluation form's funds row) with its values resolved, ready to pair. */
interface Item {
  key: string;
  name: TextAt;
  level: 1 | 2 | 3;
  weight: Measure;
  score: Measure;
  children: Item[];
}

/** The key of a self-evaluation form's funds row, which counts in the 总分 beside the level-1 indicators. */
const BUDGET_KEY = '预算执行率';

const measured = (figure: Figure): Measure => ({
  at: { sheet: figure.sheet, cell: figure.cell, value: figure.value },
  value: figure.value,
  ...(figure.decimals === undefined ? {} : { decimals: figure.decimals }),
});

const stated = (figure: Figure | undefined): figure is Figure & { value: number } =>
  figure !== undefined && figure.value !== null;

/** A value no cell states, shown at the cell where it belongs (or the name when there is no such cell). */
function derived(value: number | undefined, where: { sheet: string; cell: string }): Measure {
  return {
    at: {
      sheet: where.sheet,
      cell: where.cell,
      value: value ?? null,
      ...(value === undefined ? {} : { derived: true }),
    },
    value: value ?? null,
  };
}

/** A weight or score: its cell when it holds a number, else the fallback. */
const cellOr = (figure: Figure | undefined, fallback: () => Measure): Measure =>
  stated(figure) ? measured(figure) : fallback();

/**
 * The items of an indicator table: the tree with every weight and score resolved the way a reader of the
 * workbook finds it — the indicator's cell, a weight written in its label, the summary row of a level-1
 * indicator, else the sum of its children (or the score its standard gives). A self-evaluation form's funds
 * row (预算执行率) comes first: it counts in the form's 总分.
 */
function tableItems(side: CheckedWorkbook, table: IndicatorTable): Item[] {
  const summary =
    table.selfEvaluation || detailFor(indicatorTables(side.model)) !== table
      ? undefined
      : summaryTables(side.model).find((s) => s.rows.length > 0);
  const summaryRows = new Map<IndicatorNode, SummaryRow>(
    summary ? matchSummary(summary, table).pairs.map(({ row, node }) => [node, row]) : [],
  );
  const item = (node: IndicatorNode): Item => {
    const row = summaryRows.get(node);
    const labelled = node.labelWeight;
    const weight = cellOr(node.weight, () =>
      labelled !== undefined
        ? { at: { sheet: node.name.sheet, cell: node.name.cell, value: labelled }, value: labelled }
        : cellOr(row?.weight, () => derived(weightOf(node), node.weight ?? node.name)),
    );
    const score = cellOr(node.score, () =>
      cellOr(row?.score, () => derived(scoreOf(node, side.analysis.computedScores), node.score ?? node.name)),
    );
    return { key: node.key, name: node.name, level: node.level, weight, score, children: node.children.map(item) };
  };
  const budget = budgetRowOf(side.model, table);
  return [
    ...(budget ? [rowItem(BUDGET_KEY, budget.label, budget.weight, budget.score)] : []),
    ...table.indicators.map(item),
  ];
}

/** A level-1 item from a row with a label, a weight and a score (a funds row, a summary row). */
function rowItem(key: string, name: TextAt, weight: Figure | undefined, score: Figure | undefined): Item {
  const blank = () => derived(undefined, name);
  return { key, name, level: 1, weight: cellOr(weight, blank), score: cellOr(score, blank), children: [] };
}

/** The level-1 items of a summary table (a workbook that prints no indicator table, seeds 000 and 002). */
function summaryItems(table: SummaryTable): Item[] {
  return table.rows.map((row) => rowItem(row.key, row.name, row.weight, row.score));
}

const tableStart = (table: Source): string => table.range.split(':')[0] ?? table.range;

/** The source's total row, else the total the workbook states, else the sum of the level-1 items. */
function totalsOf(side: CheckedWorkbook, source: Source, items: Item[]): { weight: Measure; score: Measure } {
  const total = source.total;
  const where = total
    ? 'label' in total
      ? total.label
      : total.name
    : { sheet: source.sheet, cell: tableStart(source) };
  const summed = (pick: (item: Item) => number | null): Measure => {
    const values = items.map(pick);
    return derived(values.length > 0 && values.every((v): v is number => v !== null) ? sum(values) : undefined, where);
  };
  return {
    weight: cellOr(total?.weight, () => summed((i) => i.weight.value)),
    score: cellOr(total?.score, () => cellOr(statedTotal(side.model), () => summed((i) => i.score.value))),
  };
}

/** The grade the workbook states, else the one its total earns; `canonical` folds 优秀 to 优. */
function gradeOf(
  side: CheckedWorkbook,
  total: Measure,
  profile: Profile,
): { at: ComparedValue; canonical: string | null } {
  const written = statedGrades(side.model)[0];
  if (written)
    return {
      at: { sheet: written.sheet, cell: written.cell, value: written.text },
      canonical: gradeNamed(written.text, profile) ?? normalizeLabel(written.text),
    };
  if (total.value === null) return { at: { ...total.at, value: null }, canonical: null };
  const grade = gradeFor(total.value, profile);
  return { at: { sheet: total.at.sheet, cell: total.at.cell, value: grade, derived: true }, canonical: grade };
}

type PairedBy = 'name' | 'position';

/**
 * Pairs sibling items: by key (normalised name, 指标 suffix off, the profile's level-1 aliases folded), then the
 * rest by their order within the parent: one for one when as many are left on each side (renamed), else only
 * those whose weights agree (an indicator removed on one side must not pair its neighbours).
 */
function pairSiblings(
  selfItems: readonly Item[],
  reviewItems: readonly Item[],
): Map<Item, { review: Item; by: PairedBy }> {
  const partner = new Map<Item, { review: Item; by: PairedBy }>();
  const taken = new Set<Item>();
  const pair = (item: Item, review: Item, by: PairedBy) => {
    partner.set(item, { review, by });
    taken.add(review);
  };
  for (const item of selfItems) {
    const review = reviewItems.find((r) => !taken.has(r) && r.key === item.key);
    if (review) pair(item, review, 'name');
  }
  const selfLeft = selfItems.filter((item) => !partner.has(item));
  const reviewLeft = reviewItems.filter((item) => !taken.has(item));
  const sameWeight = (a: Item, b: Item) =>
    a.weight.value !== null && b.weight.value !== null && nearlyEqual(a.weight.value, b.weight.value);
  let next = 0;
  for (const item of selfLeft) {
    const at =
      selfLeft.length === reviewLeft.length ? next : reviewLeft.findIndex((r, i) => i >= next && sameWeight(item, r));
    const review = reviewLeft[at];
    if (at < 0 || !review) continue;
    pair(item, review, 'position');
    next = at + 1;
  }
  return partner;
}

/** The difference of two measures at the fewer decimals their cells display (General: the profile's), or undefined when they agree. */
function measureDifference(
  self: Measure,
  review: Measure,
  profile: Profile,
): Pick<Difference, 'self' | 'review' | 'difference'> | undefined {
  if (self.value === null && review.value === null) return undefined;
  if (self.value === null || review.value === null) return { self: self.at, review: review.at };
  const shown = [self.decimals, review.decimals].filter((d): d is number => d !== undefined);
  const decimals = shown.length > 0 ? Math.min(...shown) : profile.scoreDecimals;
  if (equalAtDecimals(self.value, review.value, decimals)) return undefined;
  return {
    self: self.at,
    review: review.at,
    difference: excelRound(excelRound(review.value, decimals) - excelRound(self.value, decimals), decimals),
  };
}

const nameAt = (item: Item): ComparedValue => ({ sheet: item.name.sheet, cell: item.name.cell, value: item.name.text });

/** Walks two sibling lists, paired, and collects every difference in tree order (self order, review-only after). */
function compareItems(
  selfItems: readonly Item[],
  reviewItems: readonly Item[],
  path: readonly string[],
  profile: Profile,
  out: { differences: Difference[]; byName: number; byPosition: number },
): void {
  const partners = pairSiblings(selfItems, reviewItems);
  for (const item of selfItems) {
    const here = [...path, item.name.text];
    const partner = partners.get(item);
    if (!partner) {
      out.differences.push({
        item: 'indicator',
        kind: 'only-self',
        level: item.level,
        path: here,
        self: nameAt(item),
        review: null,
      });
      continue;
    }
    const { review, by } = partner;
    if (by === 'name') out.byName++;
    else out.byPosition++;
    if (by === 'position' && normalizeLabel(item.name.text) !== normalizeLabel(review.name.text)) {
      out.differences.push({
        item: 'indicator',
        kind: 'name',
        level: item.level,
        path: here,
        self: nameAt(item),
        review: nameAt(review),
      });
    }
    for (const kind of ['weight', 'score'] as const) {
      const found = measureDifference(item[kind], review[kind], profile);
      if (found) out.differences.push({ item: 'indicator', kind, level: item.level, path: here, ...found });
    }
    compareItems(item.children, review.children, here, profile, out);
  }
  const paired = new Set([...partners.values()].map((p) => p.review));
  for (const item of reviewItems.filter((r) => !paired.has(r))) {
    out.differences.push({
      item: 'indicator',
      kind: 'only-review',
      level: item.level,
      path: [...path, item.name.text],
      self: null,
      review: nameAt(item),
    });
  }
}

/** What is compared on one side: an indicator table, or the level-1 rows of a summary when the workbook prints no table. */
type Source = IndicatorTable | SummaryTable;

/**
 * The sources to compare: indicator tables of the same kind (score table or self-evaluation form) where both
 * sides have one, else each side's first indicator table, else its first summary table.
 */
function sourcesToCompare(self: WorkbookModel, review: WorkbookModel): [Source | undefined, Source | undefined] {
  const tables = (model: WorkbookModel) => indicatorTables(model).filter((t) => t.indicators.length > 0);
  const selfTables = tables(self);
  const reviewTables = tables(review);
  for (const selfEvaluation of [true, false]) {
    const selfTable = selfTables.find((t) => t.selfEvaluation === selfEvaluation);
    const reviewTable = reviewTables.find((t) => t.selfEvaluation === selfEvaluation);
    if (selfTable && reviewTable) return [selfTable, reviewTable];
  }
  const firstSummary = (model: WorkbookModel) => summaryTables(model).find((t) => t.rows.length > 0);
  return [selfTables[0] ?? firstSummary(self), reviewTables[0] ?? firstSummary(review)];
}

const countItems = (items: readonly Item[]): number => items.reduce((n, item) => n + 1 + countItems(item.children), 0);

/** One side made ready: its items, totals and grade. */
interface Prepared {
  source: Source;
  items: Item[];
  totals: { weight: Measure; score: Measure };
  grade: { at: ComparedValue; canonical: string | null };
}

function prepare(side: CheckedWorkbook, source: Source, profile: Profile): Prepared {
  const items = source.kind === 'indicators' ? tableItems(side, source) : summaryItems(source);
  const totals = totalsOf(side, source, items);
  return { source, items, totals, grade: gradeOf(side, totals.score, profile) };
}

function describe(prepared: Prepared | undefined): ComparedWorkbook {
  if (!prepared) return { table: null, indicators: 0, totalScore: null, grade: null };
  const { source, items, totals, grade } = prepared;
  return {
    table: { kind: source.kind, sheet: source.sheet, range: source.range },
    indicators: countItems(items),
    totalScore: totals.score.value,
    grade: typeof grade.at.value === 'string' ? grade.at.value : null,
  };
}

/** Level 1 only, when one side is a summary: the other side's lower levels have nothing to meet. */
const levelOneOnly = (items: readonly Item[]): Item[] => items.map((item) => ({ ...item, children: [] }));

/**
 * Compares a self-evaluation with its review (seed 001 §五 自评抽查复核): pairs their indicators and lists every
 * difference in name, weight and score, the indicators only one side has, the level-1 subtotals, the total and
 * the grade. Never throws: a side without an indicator table gives status `no-indicator-table`.
 */
export function compareWorkbooks(self: CheckedWorkbook, review: CheckedWorkbook, profile: Profile): Comparison {
  const [selfSource, reviewSource] = sourcesToCompare(self.model, review.model);
  const selfSide = selfSource && prepare(self, selfSource, profile);
  const reviewSide = reviewSource && prepare(review, reviewSource, profile);
  const sides = { self: describe(selfSide), review: describe(reviewSide) };
  if (!selfSide || !reviewSide)
    return {
      status: 'no-indicator-table',
      agree: false,
      ...sides,
      matched: { byName: 0, byPosition: 0 },
      differences: [],
    };
  const out = { differences: [] as Difference[], byName: 0, byPosition: 0 };
  const bothTables = selfSide.source.kind === 'indicators' && reviewSide.source.kind === 'indicators';
  const items = (side: Prepared) => (bothTables ? side.items : levelOneOnly(side.items));
  compareItems(items(selfSide), items(reviewSide), [], profile, out);
  for (const kind of ['weight', 'score'] as const) {
    const found = measureDifference(selfSide.totals[kind], reviewSide.totals[kind], profile);
    if (found) out.differences.push({ item: 'total', kind, path: [], ...found });
  }
  if (selfSide.grade.canonical !== reviewSide.grade.canonical)
    out.differences.push({
      item: 'grade',
      kind: 'grade',
      path: [],
      self: selfSide.grade.at,
      review: reviewSide.grade.at,
    });
  return {
    status: 'compared',
    agree: out.differences.length === 0,
    ...sides,
    matched: { byName: out.byName, byPosition: out.byPosition },
    differences: out.differences,
  };
}
