import { parseCellAddress } from '../address';
import type { DerivedRate, ScoreExpectation } from '../analysis';
import { RATE_NAMES } from '../analysis/derived';
import { rateFillFormat, rateUnits } from '../analysis/rate-check';
import type { CellRef, Localized } from '../finding';
import { binary, call, num, ref, renderFormula, sumOf, text, type Expr } from '../formula/build';
import { gradeFor } from '../grades';
import type { Figure } from '../model';
import { excelRound } from '../numbers';
import type { Profile } from '../profile';
import { isFilled } from '../recognize/figures';
import type { ProposedFix, ProposedWrite } from '../rules/rule';

/**
 * The fixes rules attach to their reports: a formula over the cells a value comes from, with the result it
 * computes now and the number format a blank cell takes from its column.
 */

const reasons = {
  rate: (what: Localized): Localized => ({
    'zh-CN': `按${what['zh-CN']}的计算依据填写公式`,
    'en-US': `formula for the ${what['en-US']} from its inputs`,
  }),
  score: (name: string): Localized => ({
    'zh-CN': `按评分标准填写“${name}”的得分公式`,
    'en-US': `score of "${name}" by its standard`,
  }),
  grade: { 'zh-CN': '按总分和等级标准填写评价等级', 'en-US': 'grade from the total and the thresholds' } as Localized,
  sum: (what: Localized): Localized => ({
    'zh-CN': `${what['zh-CN']}改为各项之和的公式`,
    'en-US': `${what['en-US']} as the sum of its items`,
  }),
};

function write(target: CellRef, expr: Expr, value: number | string, reason: Localized, format?: string): ProposedWrite {
  const { row, col } = parseCellAddress(target.cell) ?? { row: 0, col: 0 };
  const proposed: ProposedWrite = {
    sheet: target.sheet,
    cell: target.cell,
    row,
    col,
    formula: renderFormula(expr, target.sheet),
    value,
    reason,
  };
  if (format !== undefined) proposed.format = format;
  return proposed;
}

/** A blank target is filled; a filled one is corrected (only when the user asks for it). */
function fixOf(target: Figure, writes: ProposedWrite[]): ProposedFix {
  return { kind: isFilled(target) ? 'correct' : 'fill', writes };
}

function numberFormat(decimals: number): string {
  return decimals <= 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

/** The column's ROUND practice: a sibling written as =ROUND(…) asks for the same. */
function roundsLikeSiblings(like: Figure | undefined): boolean {
  return !!like?.formula && /^\s*ROUND\s*\(/i.test(like.formula);
}

/** A rate's formula in the cell's units (×100 for percent units), rounded where its siblings round. */
export function rateFix(rate: DerivedRate, profile: Profile): ProposedFix {
  const units = rateUnits(rate.target, profile.rateDecimals, rate.like);
  let expr = units.scale === 100 ? binary('*', rate.formula, num(100)) : rate.formula;
  let value = rate.exact * units.scale;
  if (roundsLikeSiblings(rate.like)) {
    expr = call('ROUND', expr, num(units.decimals));
    value = excelRound(value, units.decimals);
  }
  const format = rateFillFormat(units, rate.like);
  return fixOf(rate.target, [write(rate.target, expr, value, reasons.rate(RATE_NAMES[rate.kind]), format)]);
}

/** The score a standard computes, as its formula (rate × weight, tiers), where the standard gives one. */
export function scoreFix(expectation: ScoreExpectation, profile: Profile): ProposedFix | undefined {
  if (!expectation.formula || expectation.expected === undefined) return undefined;
  const target = expectation.score;
  return fixOf(target, [
    write(
      target,
      expectation.formula,
      expectation.expected,
      reasons.score(expectation.name),
      numberFormat(profile.scoreDecimals),
    ),
  ]);
}

/** A total or a parent's score as the SUM of its items' cells; `value` is what the items add up to now. */
export function sumFix(target: Figure, items: readonly Figure[], value: number, what: Localized): ProposedFix {
  return fixOf(target, [write(target, sumOf(items), value, reasons.sum(what))]);
}

/**
 * IF(total>=90,"优",IF(total>=80,"良",…)) from the profile's thresholds; grade names are quoted text. A blank grade
 * is filled, a stated one corrected.
 */
export function gradeFix(
  target: CellRef,
  kind: ProposedFix['kind'],
  total: Figure & { value: number },
  profile: Profile,
): ProposedFix {
  const grades = profile.grades;
  const last = grades[grades.length - 1] as { grade: string };
  const formula = grades
    .slice(0, -1)
    .reduceRight<Expr>(
      (otherwise, g) => call('IF', binary('>=', ref(total), num(g.min)), text(g.grade), otherwise),
      text(last.grade),
    );
  return { kind, writes: [write(target, formula, gradeFor(total.value, profile), reasons.grade)] };
}
