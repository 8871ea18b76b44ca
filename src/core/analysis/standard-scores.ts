import type { Localized } from '../finding';
import type { Figure, IndicatorNode, TextAt, WorkbookModel } from '../model';
import type { Profile } from '../profile';
import { parseStandard, type ScoringStandard } from '../standards/parse-standard';
import { expectedScore } from '../standards/score-by-standard';
import { parseActual, parseTarget, selfEvaluationScore } from '../standards/targets';
import { flattenTree, weightOf } from '../model/indicators';
import { keyValueEntries } from '../model/stated';
import { surveyResult } from './survey';
import { allTables, indicatorTables } from '../model/tables';
import { binary, call, num, ref, type Expr } from '../formula/build';
import type { Fact } from '../facts/schema';
import { rateInputs } from '../facts/relations';

/** What an indicator's score should be, by its scoring standard or the self-evaluation rules. */
export interface ScoreExpectation {
  /** The indicator, or undefined for the funds row of a self-evaluation form. */
  node?: IndicatorNode;
  name: string;
  /** The score cell (filled or blank). */
  score: Figure;
  weight: number;
  /** The exact score the standard gives, when its inputs fix it. */
  expected?: number;
  /** The range a score must lie in when only that is known (qualitative verdicts, bounds). */
  band?: [number, number];
  basis: 'standard' | 'self-evaluation' | 'budget-row';
  /** Cells the computation read (figures, or the target and actual texts of a self-evaluation row). */
  inputs: Array<Figure | TextAt>;
  /** The score as a formula over the workbook's cells, where the standard is a rate times the weight. */
  formula?: Expr;
  /** The rate the standard reads (times the weight, or to pick a tier), for a message to state. */
  rate?: ScoreRate;
  /** Self-evaluation: the target was missed (a full score is then a finding). */
  missed?: boolean;
  /** Self-evaluation: the 偏差原因分析 cell is empty. */
  noDeviationReason?: boolean;
}

/** A rate a standard reads: its name, its exact value (from its inputs), and its use. */
export interface ScoreRate {
  name: Localized;
  value: number;
  /** The score is this rate × the weight (capped at the weight); else the rate picks a tier or the deductions. */
  timesWeight: boolean;
}

const SCORE_RATE_NAMES: Readonly<Record<'budget-execution' | 'satisfaction' | 'completion' | 'overrun', Localized>> = {
  'budget-execution': { 'zh-CN': '预算执行率', 'en-US': 'budget execution rate' },
  satisfaction: { 'zh-CN': '满意度', 'en-US': 'satisfaction' },
  completion: { 'zh-CN': '完成率', 'en-US': 'completion' },
  overrun: { 'zh-CN': '超支比例', 'en-US': 'overrun' },
};

/** A rate found elsewhere in the workbook, with the cells it comes from and, where it can be written, its formula. */
interface SourceRate {
  value: number;
  inputs: Figure[];
  formula?: Expr;
}

interface WorkbookRates {
  execution?: SourceRate;
  satisfaction?: SourceRate;
  overrun?: SourceRate;
}

const numeric = (figure: Figure | undefined): figure is Figure & { value: number } => !!figure && figure.value !== null;

/** Rates the workbook gives elsewhere that standards multiply by: 预算执行率, the survey's 满意度, a cost overrun. */
function workbookRates(model: WorkbookModel, profile: Profile, facts: readonly Fact[]): WorkbookRates {
  const rates: WorkbookRates = {};
  const entries = keyValueEntries(model);
  const entry = (key: string) =>
    entries.find((e) => e.key === key && numeric(e.value))?.value as (Figure & { value: number }) | undefined;
  const spent = entry('实际支出资金');
  const arrived = entry('实际到位资金');
  const budget = entry('预算安排资金');
  if (spent && arrived && arrived.value !== 0)
    rates.execution = {
      value: spent.value / arrived.value,
      inputs: [spent, arrived],
      formula: binary('/', ref(spent), ref(arrived)),
    };
  if (spent && budget && budget.value !== 0)
    rates.overrun = { value: Math.max(0, (spent.value - budget.value) / budget.value), inputs: [spent, budget] };
  for (const table of allTables(model)) {
    if (table.kind === 'budget' && !rates.execution) {
      const row = table.rows[0];
      const denominator = row?.[profile.executionRateDenominator];
      if (row && numeric(row.executed) && numeric(denominator) && denominator.value !== 0)
        rates.execution = {
          value: row.executed.value / denominator.value,
          inputs: [row.executed, denominator],
          formula: binary('/', ref(row.executed), ref(denominator)),
        };
    }
    if (table.kind === 'survey' && !rates.satisfaction) {
      const result = surveyResult(table, profile);
      if (result.overall !== null) {
        rates.satisfaction = { value: result.overall, inputs: result.inputs.flat() };
        // The survey's overall cell is what an evaluator multiplies by (满意度调查得分*本项分值).
        if (table.overall) rates.satisfaction.formula = ref(table.overall);
      }
    }
  }
  if (!rates.execution) {
    // Funds stated anywhere else (a funds table with a 预算执行率 row, a monitoring form): the first execution rate
    // the facts define, its own cell where the workbook states one.
    const stated = facts.filter((f) => f.quantity === '预算执行率');
    // Without a rate stated, the funds themselves (实际支出 and 实际到位 …, wherever they sit) define it.
    const implied = { quantity: '预算执行率', figure: { sheet: '', row: -1 } };
    for (const fact of [...stated, implied]) {
      const inputs = rateInputs(fact, facts, profile);
      if (!inputs) continue;
      rates.execution = {
        value: inputs.numerator.figure.value / inputs.denominator.figure.value,
        inputs: [inputs.numerator.figure, inputs.denominator.figure],
        formula: binary('/', ref(inputs.numerator.figure), ref(inputs.denominator.figure)),
      };
      break;
    }
  }
  return rates;
}

function rateFor(standard: ScoringStandard, rates: WorkbookRates): SourceRate | undefined {
  if (standard.kind !== 'rate-times-weight' && standard.kind !== 'tiered') return undefined;
  if (standard.rate === 'budget-execution') return rates.execution;
  if (standard.rate === 'satisfaction') return rates.satisfaction;
  return undefined;
}

/** Completion (actual / target) from the indicator's own target and actual texts, when both are quantities. */
function completionOf(node: IndicatorNode): number | undefined {
  const target = node.texts.target ? parseTarget(node.texts.target.text) : undefined;
  const actual = node.texts.actual ? parseActual(node.texts.actual.text) : undefined;
  if (target?.kind !== 'at-least' && target?.kind !== 'equal') return undefined;
  if (actual?.kind !== 'quantity' || actual.lowerBound || actual.upperBound || target.value === 0) return undefined;
  return actual.value / target.value;
}

function fromStandard(
  node: IndicatorNode,
  weight: number,
  rates: WorkbookRates,
): Pick<ScoreExpectation, 'expected' | 'inputs' | 'formula' | 'rate'> | undefined {
  if (!node.texts.standard) return undefined;
  const standard = parseStandard(node.texts.standard.text);
  const rate = rateFor(standard, rates);
  const completion = completionOf(node);
  const inputs: Parameters<typeof expectedScore>[1] = { weight };
  if (rate) inputs.rate = rate.value;
  if (completion !== undefined) inputs.completion = completion;
  if (standard.kind === 'overrun' && rates.overrun) inputs.overrun = rates.overrun.value;
  const expected = expectedScore(standard, inputs);
  if (expected === undefined) return undefined;
  const result: Pick<ScoreExpectation, 'expected' | 'inputs' | 'formula' | 'rate'> = {
    expected,
    inputs: [...(rate?.inputs ?? []), ...(standard.kind === 'overrun' ? (rates.overrun?.inputs ?? []) : [])],
  };
  if (standard.kind === 'rate-times-weight' || standard.kind === 'tiered') {
    const timesWeight = standard.kind === 'rate-times-weight';
    // The standard reads the indicator's own completion (actual ÷ target) where it is a 完成率 and one is known.
    if (standard.rate === 'completion' && completion !== undefined)
      result.rate = { name: SCORE_RATE_NAMES.completion, value: completion, timesWeight };
    else if (rate) {
      const kind = standard.rate === 'satisfaction' ? 'satisfaction' : 'budget-execution';
      result.rate = { name: SCORE_RATE_NAMES[kind], value: rate.value, timesWeight };
    }
  } else if (standard.kind === 'overrun' && rates.overrun)
    result.rate = { name: SCORE_RATE_NAMES.overrun, value: rates.overrun.value, timesWeight: false };
  if (standard.kind === 'rate-times-weight' && rate?.formula)
    result.formula = rateTimesWeight(rate.formula, node.weight, weight);
  return result;
}

/** rate × weight, the rate capped at 100% as the standards cap the score at the weight. */
function rateTimesWeight(rate: Expr, weightCell: Figure | undefined, weight: number): Expr {
  return binary(
    '*',
    call('MIN', num(1), rate),
    weightCell && weightCell.value !== null ? ref(weightCell) : num(weight),
  );
}

function fromSelfEvaluation(
  node: IndicatorNode,
  weight: number,
): Pick<ScoreExpectation, 'expected' | 'band' | 'missed' | 'noDeviationReason'> | undefined {
  if (!node.texts.target || !node.texts.actual) return undefined;
  const verdict = selfEvaluationScore(parseTarget(node.texts.target.text), parseActual(node.texts.actual.text), weight);
  const result: Pick<ScoreExpectation, 'expected' | 'band' | 'missed' | 'noDeviationReason'> = {};
  if (verdict.expected !== undefined) result.expected = verdict.expected;
  if (verdict.bandMin !== undefined && verdict.bandMax !== undefined) result.band = [verdict.bandMin, verdict.bandMax];
  if (verdict.met === false) result.missed = true;
  if (!node.texts.deviation || node.texts.deviation.text.trim() === '') result.noDeviationReason = true;
  return result;
}

/** Every indicator whose score its standard (or the self-evaluation rules) determines or bounds. */
export function scoreExpectations(
  model: WorkbookModel,
  profile: Profile,
  facts: readonly Fact[] = [],
): ScoreExpectation[] {
  const rates = workbookRates(model, profile, facts);
  const expectations: ScoreExpectation[] = [];
  for (const table of indicatorTables(model)) {
    for (const node of flattenTree(table.indicators)) {
      const weight = weightOf(node);
      if (!node.score || weight === undefined) continue;
      const base = { node, name: node.name.text, score: node.score, weight };
      const standard = fromStandard(node, weight, rates);
      if (standard) expectations.push({ ...base, basis: 'standard', ...standard });
      else if (table.selfEvaluation && node.children.length === 0) {
        const self = fromSelfEvaluation(node, weight);
        const texts = [node.texts.target, node.texts.actual].filter((t): t is TextAt => !!t);
        if (self) expectations.push({ ...base, basis: 'self-evaluation', inputs: texts, ...self });
      }
    }
  }
  // The funds row of a self-evaluation form scores 执行率 × 分值.
  for (const table of allTables(model)) {
    if (table.kind !== 'budget') continue;
    const row = table.rows[0];
    const denominator = row?.[profile.executionRateDenominator];
    if (
      !row ||
      !row.score ||
      !numeric(row.weight) ||
      !numeric(row.executed) ||
      !numeric(denominator) ||
      denominator.value === 0
    )
      continue;
    const rate = Math.min(1, row.executed.value / denominator.value);
    const formula = rateTimesWeight(binary('/', ref(row.executed), ref(denominator)), row.weight, row.weight.value);
    expectations.push({
      name: row.label.text,
      score: row.score,
      weight: row.weight.value,
      expected: rate * row.weight.value,
      basis: 'budget-row',
      inputs: [row.executed, denominator, row.weight],
      rate: {
        name: SCORE_RATE_NAMES['budget-execution'],
        value: row.executed.value / denominator.value,
        timesWeight: true,
      },
      formula,
    });
  }
  // Extreme inputs (an amount of -1e308) can overflow a product: such a score is no expectation at all.
  return expectations.filter((e) => e.expected === undefined || Number.isFinite(e.expected));
}
