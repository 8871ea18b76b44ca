import { allTables } from '../model/tables';
import type { AccuracyTable, BudgetTable, Figure, KeyValueEntry, SummaryRow, Table, WorkbookModel } from '../model';
import type { Profile } from '../profile';
import type { Localized } from '../finding';
import { flattenTree } from '../model/indicators';
import { surveyResult } from './survey';
import { binary, call, ref, type Expr } from '../formula/build';
import type { Fact } from '../facts/schema';
import { rateInputs } from '../facts/relations';

export type RateKind =
  | 'score-rate'
  | 'execution-rate'
  | 'arrival-rate'
  | 'completion-rate'
  | 'accuracy-persons'
  | 'accuracy-amount'
  | 'satisfaction';

export const RATE_NAMES: Readonly<Record<RateKind, Localized>> = {
  'score-rate': { 'zh-CN': '得分率', 'en-US': 'score rate' },
  'execution-rate': { 'zh-CN': '预算执行率', 'en-US': 'budget execution rate' },
  'arrival-rate': { 'zh-CN': '资金到位率', 'en-US': 'funds arrival rate' },
  'completion-rate': { 'zh-CN': '完成率', 'en-US': 'completion rate' },
  'accuracy-persons': { 'zh-CN': '补助兑现准确率（人数）', 'en-US': 'payment accuracy (persons)' },
  'accuracy-amount': { 'zh-CN': '补助兑现准确率（金额）', 'en-US': 'payment accuracy (amount)' },
  satisfaction: { 'zh-CN': '满意度', 'en-US': 'satisfaction' },
};

/** A rate the workbook shows (or leaves blank) and the inputs it must equal. */
export interface DerivedRate {
  kind: RateKind;
  /** The cell holding the rate, or the blank cell where it belongs. */
  target: Figure;
  /** A filled cell of the same column, whose units and decimals a blank target takes. */
  like?: Figure;
  /** The rate as a fraction, exactly. */
  exact: number;
  /** Fractions the printed rate may equal when parts were rounded first. */
  alternates: number[];
  /** How the rate is computed from its cells, as a fraction: what a fill writes as a formula. */
  formula: Expr;
  inputs: Figure[];
}

const hasNumber = (figure: Figure | undefined): figure is Figure & { value: number } =>
  !!figure && figure.value !== null;

function ratio(
  kind: RateKind,
  target: Figure | undefined,
  numerator: Figure | undefined,
  denominator: Figure | undefined,
  like?: Figure,
): DerivedRate | undefined {
  if (!target || !hasNumber(numerator) || !hasNumber(denominator) || denominator.value === 0) return undefined;
  const rate: DerivedRate = {
    kind,
    target,
    exact: numerator.value / denominator.value,
    alternates: [],
    formula: binary('/', ref(numerator), ref(denominator)),
    inputs: [numerator, denominator],
  };
  if (like) rate.like = like;
  return rate;
}

function firstFilled(figures: Array<Figure | undefined>): Figure | undefined {
  return figures.find((f) => f && f.value !== null);
}

function summaryRates(rows: SummaryRow[]): DerivedRate[] {
  const like = firstFilled(rows.map((r) => r.rate));
  return rows.flatMap((row) => ratio('score-rate', row.rate, row.score, row.weight, like) ?? []);
}

function keyValueRates(entries: KeyValueEntry[]): DerivedRate[] {
  const byKey = (key: string) => entries.find((e) => e.key === key && hasNumber(e.value))?.value;
  // 预算执行率 = 实际支出 / 实际到位 (C/B); 资金到位率 = 实际到位 / 预算安排 (B/A); 完成率 = 实际 / 计划.
  return entries.flatMap((entry) => {
    if (entry.key === '预算执行率')
      return ratio('execution-rate', entry.value, byKey('实际支出资金'), byKey('实际到位资金')) ?? [];
    if (entry.key === '资金到位率')
      return ratio('arrival-rate', entry.value, byKey('实际到位资金'), byKey('预算安排资金')) ?? [];
    if (entry.key === '完成率')
      return ratio('completion-rate', entry.value, byKey('实际完成数'), byKey('计划数')) ?? [];
    return [];
  });
}

function budgetRates(table: BudgetTable, profile: Profile): DerivedRate[] {
  const like = firstFilled(table.rows.map((r) => r.rate));
  return table.rows.flatMap(
    (row) => ratio('execution-rate', row.rate, row.executed, row[profile.executionRateDenominator], like) ?? [],
  );
}

function accuracyRates(table: AccuracyTable): DerivedRate[] {
  const like = firstFilled(table.rows.flatMap((r) => [r.personRate, r.amountRate]));
  return table.rows.flatMap((row) =>
    [
      ratio('accuracy-persons', row.personRate, row.paidPersons, row.duePersons, like),
      ratio('accuracy-amount', row.amountRate, row.paidAmount, row.dueAmount, like),
    ].filter((r): r is DerivedRate => !!r),
  );
}

function tableRates(table: Table, profile: Profile): DerivedRate[] {
  switch (table.kind) {
    case 'summary':
      return summaryRates(table.total ? [...table.rows, table.total] : table.rows);
    case 'indicators': {
      const nodes = flattenTree(table.indicators);
      const like = firstFilled(nodes.map((n) => n.rate));
      return nodes.flatMap((node) => ratio('score-rate', node.rate, node.score, node.weight, like) ?? []);
    }
    case 'key-values':
      return keyValueRates(table.entries);
    case 'budget':
      return budgetRates(table, profile);
    case 'accuracy':
      return accuracyRates(table);
    case 'survey': {
      const result = surveyResult(table, profile);
      const like = firstFilled([...table.questions.map((q) => q.result), table.overall]);
      const rates: DerivedRate[] = [];
      table.questions.forEach((question, i) => {
        const exact = result.questions[i];
        if (!question.result || exact === null || exact === undefined) return;
        const formula = result.formulas[i];
        if (!formula) return;
        const rate: DerivedRate = {
          kind: 'satisfaction',
          target: question.result,
          exact,
          alternates: result.questionAlternates[i] ?? [],
          formula,
          inputs: result.inputs[i] ?? [],
        };
        if (like) rate.like = like;
        rates.push(rate);
      });
      const results = table.questions.map((q) => q.result);
      if (table.overall && result.overall !== null && results.every((r): r is Figure => !!r)) {
        // The overall result is the mean of the question results, which a fill references (filled or not).
        const rate: DerivedRate = {
          kind: 'satisfaction',
          target: table.overall,
          exact: result.overall,
          alternates: result.overallAlternates,
          formula: call('AVERAGE', ...results.map(ref)),
          inputs: results,
        };
        if (like) rate.like = like;
        rates.push(rate);
      }
      return rates;
    }
    default:
      return [];
  }
}

const RATE_OF_QUANTITY: Readonly<Record<string, RateKind>> = {
  预算执行率: 'execution-rate',
  资金到位率: 'arrival-rate',
  完成率: 'completion-rate',
  满意度: 'satisfaction',
};

/**
 * Rates found as facts wherever they sit (a 预算执行率（C/B） row under a funds table, 1-7月执行率 beside 1-7月执行数,
 * 总体满意度 under a list of counts), each with the facts it is computed from. Cells a table already reads are left
 * to it.
 */
function factRates(facts: readonly Fact[], covered: ReadonlySet<string>, profile: Profile): DerivedRate[] {
  return facts.flatMap((fact) => {
    const kind = RATE_OF_QUANTITY[fact.quantity];
    if (!kind || fact.kind !== 'rate' || covered.has(`${fact.figure.sheet}!${fact.figure.cell}`)) return [];
    const inputs = rateInputs(fact, facts, profile);
    if (!inputs) return [];
    return ratio(kind, fact.figure, inputs.numerator.figure, inputs.denominator.figure) ?? [];
  });
}

/** Every rate the workbook shows or leaves blank where it belongs, with the inputs it rests on. */
export function derivedRates(model: WorkbookModel, profile: Profile, facts: readonly Fact[] = []): DerivedRate[] {
  const fromTables = allTables(model).flatMap((table) => tableRates(table, profile));
  const covered = new Set(fromTables.map((r) => `${r.target.sheet}!${r.target.cell}`));
  // A quotient of extreme inputs (1e308 over 1e-10) overflows to ±Infinity: such a rate has no value to report.
  return [...fromTables, ...factRates(facts, covered, profile)].filter((rate) => Number.isFinite(rate.exact));
}
