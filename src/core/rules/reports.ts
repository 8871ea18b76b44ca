import type { DerivedRate, RateVerdict } from '../analysis';
import { RATE_NAMES } from '../analysis/derived';
import type { CellRef } from '../finding';
import type { Figure, TextAt } from '../model';
import { excelRound, formatNumber } from '../numbers';
import type { RuleReport } from './rule';
import { rateFix } from '../fix/proposals';
import type { Profile } from '../profile';

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

/** A rate as a person reads it: a fraction in a % cell shows as 91.43%, percent units as 91.43. */
function shownRate(value: number, rate: DerivedRate): string {
  // A blank beside rates printed as text is filled with a fraction in a % format (rateUnits).
  const like = rate.like?.form === 'text-percent' ? 'percent' : rate.like?.form;
  const form = rate.target.value === null && like ? like : rate.target.form;
  if (form === 'percent' || (form === 'number' && Math.abs(value) <= 1.5)) return `${formatNumber(value * 100, 4)}%`;
  return form === 'text-percent' ? `${formatNumber(value)}%` : formatNumber(value);
}

/** A finding on a rate cell, with the rate's name, the figures, its inputs and the formula that fixes it. */
export function rateReport<MessageId extends string>(
  messageId: MessageId,
  rate: DerivedRate,
  verdict: Extract<RateVerdict, { expected: number }>,
  profile: Profile,
): RuleReport<MessageId> {
  const actual = 'actual' in verdict ? verdict.actual : null;
  return {
    messageId,
    data: {
      rate: RATE_NAMES[rate.kind],
      actual: actual === null ? '' : typeof actual === 'string' ? actual : shownRate(actual, rate),
      expected: shownRate(verdict.expected, rate),
    },
    sheet: rate.target.sheet,
    cell: rate.target.cell,
    expected: verdict.expected,
    actual,
    related: refs(rate.inputs),
    fix: rateFix(rate, profile),
  };
}

/** An amount as its cell shows it: 7.00 for a cell with two decimals, 70,000.00 with a thousands format; else plain. */
export function shownFigure(value: number, like: Pick<Figure, 'decimals'>): string {
  if (like.decimals === undefined) return formatNumber(value);
  return excelRound(value, like.decimals).toFixed(like.decimals);
}
