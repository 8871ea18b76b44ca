import type { Analysis, DerivedRate, RateVerdict } from '../analysis';
import type { Expr } from '../formula/build';
import { RATE_NAMES } from '../analysis/derived';
import type { CellRef } from '../finding';
import type { Figure, TextAt } from '../model';
import { rateUnits, type RateUnits } from '../analysis/rate-check';
import type { RuleContext, RuleReport } from './rule';
import { fixed, inFigures, roundedTo, shownAt } from './working';
import { rateFix } from '../fix/proposals';

/** The cells a finding rests on, without duplicates. */
export function refs(cells: ReadonlyArray<Figure | TextAt | undefined>): CellRef[] {
  const seen = new Set<string>();
  return cells.flatMap((c) => {
    if (!c || seen.has(`${c.sheet}!${c.cell}`)) return [];
    seen.add(`${c.sheet}!${c.cell}`);
    return [{ sheet: c.sheet, cell: c.cell }];
  });
}

/** Reports kept one per cell: the first report of a cell stands, later ones for it are dropped. */
export class OnePerCell<MessageId extends string = string> {
  readonly reports: Array<RuleReport<MessageId>> = [];
  private readonly seen = new Set<string>();

  add(report: RuleReport<MessageId>): void {
    const key = `${report.sheet}!${report.cell}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.reports.push(report);
  }
}

/** A rate's expected value (in the cell's units, rounded to the decimals it shows) as the cell shows, or will show, it. */
function shownRate(expected: number, rate: DerivedRate, units: RateUnits): { text: string; decimals: number } {
  const source = rate.target.value === null && rate.like ? rate.like : rate.target;
  if (units.scale === 100) {
    const text = fixed(expected, units.decimals);
    return { text: source.form === 'text-percent' ? `${text}%` : text, decimals: units.decimals };
  }
  // A fraction typed in General shows as typed (0.8088); a blank or a % cell shows a percentage.
  if (source.form === 'number' && source.value !== null)
    return { text: fixed(expected, units.decimals), decimals: units.decimals };
  const decimals = Math.max(0, units.decimals - 2);
  return { text: `${fixed(expected * 100, decimals)}%`, decimals };
}

/** The computation a rate message shows: an overall of one question is that question's own computation. */
function workingOf(rate: DerivedRate, analysis: Analysis): Expr {
  const [only, ...more] = rate.formula.kind === 'call' && rate.formula.name === 'AVERAGE' ? rate.formula.args : [];
  if (only?.kind !== 'ref' || more.length > 0) return rate.formula;
  const inner = analysis.rates.find(
    (r) => r.rate.target.sheet === only.figure.sheet && r.rate.target.cell === only.figure.cell,
  );
  return inner?.rate.formula ?? rate.formula;
}

/**
 * A finding on a rate cell, with the rate's name, the figures as the cells show them, the computation with its
 * inputs (`65.5 ÷ 81`), the decimals it is rounded to, and the formula that fixes it.
 */
export function rateReport<MessageId extends string>(
  messageId: MessageId,
  rate: DerivedRate,
  verdict: Extract<RateVerdict, { expected: number }>,
  { profile, snapshot, analysis }: Pick<RuleContext, 'profile' | 'snapshot' | 'analysis'>,
): RuleReport<MessageId> {
  // A blank input that is itself a rate (a question's result under the overall) reads as the value it computes to.
  const blank = (figure: Figure) => {
    const input = analysis.rates.find(
      (r) => r.rate.target.sheet === figure.sheet && r.rate.target.cell === figure.cell,
    );
    if (!input || !('expected' in input.verdict)) return undefined;
    return shownRate(
      input.verdict.expected,
      input.rate,
      rateUnits(input.rate.target, profile.rateDecimals, input.rate.like),
    ).text;
  };
  const actual = 'actual' in verdict ? verdict.actual : null;
  const units = rateUnits(rate.target, profile.rateDecimals, rate.like);
  const expected = shownRate(verdict.expected, rate, units);
  const actualText = actual === null ? '' : typeof actual === 'string' ? actual : shownAt(snapshot, rate.target);
  const report: RuleReport<MessageId> = {
    messageId,
    data: {
      rate: RATE_NAMES[rate.kind],
      actual: actualText,
      expected: expected.text,
      working: inFigures(workingOf(rate, analysis), snapshot, blank),
      rounded: roundedTo(expected.decimals),
    },
    sheet: rate.target.sheet,
    cell: rate.target.cell,
    expected: verdict.expected,
    actual,
    related: refs(rate.inputs),
    fix: rateFix(rate, profile),
  };
  // A cell that holds no number has no format to show the expected value by (withShownTexts gives the others).
  if (rate.target.value === null) report.expectedText = expected.text;
  return report;
}
