import { checkWorkbook } from '../core/check';
import { compareWorkbooks } from '../core/compare/compare';
import {
  comparedCellText,
  comparedValueText,
  differenceKindText,
  differenceSubject,
  differenceText,
} from '../core/compare/labels';
import type { ComparedWorkbook, Comparison } from '../core/compare/schema';
import type { Lang } from '../core/finding';
import { coreText } from '../core/i18n';
import type { Profile } from '../core/profile';
import { displayLabel } from '../core/text';
import { readErrorMessage } from '../file/read-error';
import type { ReadOptions } from '../file/read-workbook';
import { readFileAsWorkbook } from './check-file';
import type { Io } from './io';
import { startsLikeFormula } from './report-csv';
import { cliText } from './i18n';

/** Exit codes of `compare`: the two agree, they differ, or they could not be compared. */
export const COMPARE_EXIT = { agree: 0, differ: 1, unusable: 2 } as const;

/**
 * A table field a reviewer can paste into a spreadsheet: no tabs or line breaks, and text that a spreadsheet
 * would take for a formula (=, +, -, @ and not a plain number such as -3) gets a leading `'`, so it stays text.
 */
function pasteField(text: string): string {
  const flat = displayLabel(text);
  return startsLikeFormula(flat) && !Number.isFinite(Number(flat)) ? `'${flat}` : flat;
}

function sideLine(side: 'self' | 'review', file: string, compared: ComparedWorkbook, lang: Lang): string {
  const none = coreText(lang).none;
  const t = cliText(lang).compare;
  return t.side(
    t[side],
    file,
    compared.table ? `${compared.table.sheet}!${compared.table.range}` : none,
    compared.totalScore === null ? none : String(compared.totalScore),
    compared.grade ?? none,
  );
}

/** The comparison as text: both sides, a count, then the differences as a tab-separated table (headings first). */
export function formatComparisonText(
  files: { self: string; review: string },
  comparison: Comparison,
  lang: Lang,
): string {
  const none = coreText(lang).none;
  const t = cliText(lang).compare;
  const { byName, byPosition } = comparison.matched;
  const lines = [
    sideLine('self', files.self, comparison.self, lang),
    sideLine('review', files.review, comparison.review, lang),
    comparison.agree ? t.agree(byName, byPosition) : t.differ(comparison.differences.length, byName, byPosition),
  ];
  if (comparison.differences.length === 0) return lines.join('\n');
  lines.push(t.headings.join('\t'));
  for (const d of comparison.differences) {
    const fields = [
      differenceSubject(d, lang),
      differenceKindText(d.kind, lang),
      comparedValueText(d.self, none),
      comparedValueText(d.review, none),
      differenceText(d),
      comparedCellText(d.self, lang, none),
      comparedCellText(d.review, lang, none),
    ];
    lines.push(fields.map(pasteField).join('\t'));
  }
  return lines.join('\n');
}

/**
 * `score-audit compare SELF REVIEW`: reads both workbooks, checks each, compares the self-evaluation with its
 * review. Exit 0 when they agree, 1 when they differ, 2 when a file is unreadable, an argument is wrong or a
 * side has nothing to compare (one line on stderr each).
 */
export async function compare(
  files: readonly string[],
  format: 'text' | 'json',
  lang: Lang,
  profile: Profile,
  io: Io,
  read: ReadOptions = {},
): Promise<number> {
  const [selfFile, reviewFile] = files;
  if (files.length !== 2 || selfFile === undefined || reviewFile === undefined) {
    io.err(cliText(lang).compareUsage);
    io.err(cliText(lang).usageLine);
    return COMPARE_EXIT.unusable;
  }
  const [selfRead, reviewRead] = await Promise.all([
    readFileAsWorkbook(selfFile, read),
    readFileAsWorkbook(reviewFile, read),
  ]);
  for (const [file, result] of [
    [selfFile, selfRead],
    [reviewFile, reviewRead],
  ] as const) {
    if (!result.ok) io.err(cliText(lang).unreadable(file, readErrorMessage(result.error, lang)));
  }
  if (!selfRead.ok || !reviewRead.ok) return COMPARE_EXIT.unusable;
  const comparison = compareWorkbooks(
    checkWorkbook(selfRead.workbook, { lang, profile }),
    checkWorkbook(reviewRead.workbook, { lang, profile }),
    profile,
  );
  if (format === 'json') {
    const { self, review, ...rest } = comparison;
    io.out(
      JSON.stringify({ self: { file: selfFile, ...self }, review: { file: reviewFile, ...review }, ...rest }, null, 2),
    );
  }
  if (comparison.status === 'no-indicator-table') {
    const missing = [comparison.self.table ? [] : [selfFile], comparison.review.table ? [] : [reviewFile]].flat();
    io.err(cliText(lang).compare.noTable(missing.join(cliText(lang).compare.listSeparator)));
    return COMPARE_EXIT.unusable;
  }
  if (format === 'text') io.out(formatComparisonText({ self: selfFile, review: reviewFile }, comparison, lang));
  return comparison.agree ? COMPARE_EXIT.agree : COMPARE_EXIT.differ;
}
