import type { Figure, SurveyTable } from '../model';
import type { Profile } from '../profile';
import { excelRound, sum } from '../numbers';
import { asFraction } from '../recognize/figures';
import { normalizeLabel } from '../text';
import { binary, call, fixedRef, num, plus, ref, type Expr } from '../formula/build';

export interface SurveyResult {
  method: 'weighted' | 'share';
  /** Exact result per question (fraction), null where the counts are missing. */
  questions: Array<number | null>;
  /** Mean of the question results (fraction), null when none can be computed. */
  overall: number | null;
  /** What the printed figures may also equal when the evaluator rounded intermediate shares or results. */
  questionAlternates: number[][];
  overallAlternates: number[];
  /** Cells each result rests on. */
  inputs: Figure[][];
  /** Each question's result as a formula over its cells (undefined where it cannot be written). */
  formulas: Array<Expr | undefined>;
}

/** An option's value as a fraction: from the values row (100%, 0.9, 90) or, failing that, the profile. */
function optionValue(option: SurveyTable['options'][number], profile: Profile): number | undefined {
  if (option.value && option.value.value !== null) {
    const raw = option.value.form === 'percent' ? option.value.value : (asFraction(option.value) ?? option.value.value);
    return raw > 1 ? raw / 100 : raw;
  }
  return profile.satisfactionOptionValues[option.key];
}

/**
 * Satisfaction or awareness from the counts. With a row of option values the result is weighted
 * (Σ count × value / responses, per question, then the mean: seed 003 → 93.625%); without one it is the share
 * of satisfied answers (seed 001: 374 / 558 = 67.03%).
 */
export function surveyResult(survey: SurveyTable, profile: Profile): SurveyResult {
  const weighted = survey.options.some((o) => o.value && o.value.value !== null);
  const values = survey.options.map((o) => optionValue(o, profile));
  const satisfied = new Set(profile.satisfiedOptions.map(normalizeLabel));
  const questions: Array<number | null> = [];
  const questionAlternates: number[][] = [];
  const inputs: Figure[][] = [];
  const formulas: Array<Expr | undefined> = [];
  const valueCells = survey.options.map((o) => (o.value && o.value.value !== null ? o.value : undefined));
  for (const question of survey.questions) {
    const counts = question.counts.map((c) => (c && c.value !== null ? c.value : 0));
    const responses = question.total && question.total.value !== null ? question.total.value : sum(counts);
    const cells = question.counts.filter((c): c is Figure => !!c && c.value !== null);
    inputs.push(question.total ? [...cells, question.total] : cells);
    if (
      responses <= 0 ||
      cells.length === 0 ||
      (weighted && values.some((v, i) => v === undefined && counts[i] !== 0))
    ) {
      questions.push(null);
      questionAlternates.push([]);
      formulas.push(undefined);
      continue;
    }
    formulas.push(questionFormula(question, survey, weighted ? valueCells : undefined, satisfied));
    const shares = counts.map((count) => count / responses);
    const weights = survey.options.map((option, i) =>
      weighted ? (values[i] ?? 0) : satisfied.has(normalizeLabel(option.key)) ? 1 : 0,
    );
    questions.push(sum(shares.map((share, i) => share * (weights[i] as number))));
    // Reports often add shares already rounded to 0.01% (seed 002: 63.64% + 31.64% / 2 = 79.46%).
    questionAlternates.push([sum(shares.map((share, i) => excelRound(share, 4) * (weights[i] as number)))]);
  }
  const known = questions.filter((q): q is number => q !== null);
  const overall = known.length === 0 ? null : sum(known) / known.length;
  const mean = (values: number[]) => sum(values) / values.length;
  const roundedParts = questions.flatMap((q, i) => (q === null ? [] : [questionAlternates[i]?.[0] ?? q]));
  const overallAlternates =
    known.length === 0
      ? []
      : [mean(known.map((q) => excelRound(q, 4))), mean(roundedParts), mean(roundedParts.map((q) => excelRound(q, 4)))];
  return {
    method: weighted ? 'weighted' : 'share',
    questions,
    overall,
    questionAlternates,
    overallAlternates,
    inputs,
    formulas,
  };
}

/**
 * A question's result over its cells: Σ count × option value / responses with a values row (weighted), else the
 * satisfied counts over the responses. Responses are the question's total cell, or the sum of its counts.
 */
function questionFormula(
  question: SurveyTable['questions'][number],
  survey: SurveyTable,
  valueCells: Array<Figure | undefined> | undefined,
  satisfied: ReadonlySet<string>,
): Expr | undefined {
  const counted = question.counts
    .map((c, i) => ({ count: c, option: survey.options[i] }))
    .filter(
      (x): x is { count: Figure; option: SurveyTable['options'][number] } =>
        !!x.count && x.count.value !== null && !!x.option,
    );
  const terms = valueCells
    ? counted.flatMap(({ count }) => {
        const value = valueCells[question.counts.indexOf(count)];
        if (!value || value.value === null || value.form === 'text-number' || value.form === 'text-percent') return [];
        // Option values typed as 90 (percent units) rather than 90% or 0.9 are divided back to fractions.
        const inUnits = value.form === 'percent-units' || (value.form === 'number' && value.value > 1);
        return [binary('*', ref(count), inUnits ? binary('/', fixedRef(value), num(100)) : fixedRef(value))];
      })
    : counted.filter(({ option }) => satisfied.has(normalizeLabel(option.key))).map(({ count }) => ref(count));
  if (terms.length === 0) return undefined;
  const responses =
    question.total && question.total.value !== null
      ? ref(question.total)
      : call('SUM', ...counted.map(({ count }) => ref(count)));
  return binary('/', plus(terms), responses);
}
