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
import { formatMessage, type Lang, type Localized } from '../core/finding';
import type { Profile } from '../core/profile';
import { displayLabel } from '../core/text';
import { readErrorMessage } from '../file/read-error';
import type { ReadOptions } from '../file/read-workbook';
import { readFileAsWorkbook } from './check-file';
import type { Io } from './io';
import { startsLikeFormula } from './report-csv';
import { CLI_TEXT } from './strings';

/** Exit codes of `compare`: the two agree, they differ, or they could not be compared. */
export const COMPARE_EXIT = { agree: 0, differ: 1, unusable: 2 } as const;

/** Text of `compare`, Chinese first. */
const COMPARE_TEXT = {
  usage: {
    'zh-CN': '用法：score-audit compare 自评表.xlsx 复核表.xlsx [--format text|json] [--lang zh-CN|en-US]',
    'en-US': 'usage: score-audit compare SELF.xlsx REVIEW.xlsx [--format text|json] [--lang zh-CN|en-US]',
  },
  noTable: {
    'zh-CN': '无法比对：{files} 中未识别出指标表或汇总表',
    'en-US': 'cannot compare: no indicator table or summary recognised in {files}',
  },
  self: { 'zh-CN': '自评表', 'en-US': 'self-evaluation' },
  review: { 'zh-CN': '复核表', 'en-US': 'review' },
  side: {
    'zh-CN': '{side}：{file}  {table}  总分 {total}  等级 {grade}',
    'en-US': '{side}: {file}  {table}  total {total}  grade {grade}',
  },
  agree: {
    'zh-CN': '两份文件一致，未发现差异（按名称配对 {byName} 个指标，按位置配对 {byPosition} 个）',
    'en-US': 'the two agree: no difference (indicators paired by name {byName}, by position {byPosition})',
  },
  differ: {
    'zh-CN': '差异 {count} 处（按名称配对 {byName} 个指标，按位置配对 {byPosition} 个）',
    'en-US': '{count} differences (indicators paired by name {byName}, by position {byPosition})',
  },
  headings: {
    'zh-CN': '指标\t项目\t自评\t复核\t差异（复核−自评）\t自评单元格\t复核单元格',
    'en-US': 'Indicator\tItem\tSelf-evaluation\tReview\tDifference (review − self)\tSelf-evaluation cell\tReview cell',
  },
  listSeparator: { 'zh-CN': '、', 'en-US': ', ' },
} satisfies Record<string, Localized>;

/**
 * A table field a reviewer can paste into a spreadsheet: no tabs or line breaks, and text that a spreadsheet
 * would take for a formula (=, +, -, @ and not a plain number such as -3) gets a leading `'`, so it stays text.
 */
function pasteField(text: string): string {
  const flat = displayLabel(text);
  return startsLikeFormula(flat) && !Number.isFinite(Number(flat)) ? `'${flat}` : flat;
}

function sideLine(side: 'self' | 'review', file: string, compared: ComparedWorkbook, lang: Lang): string {
  const none = CLI_TEXT.none[lang];
  return formatMessage(COMPARE_TEXT.side[lang], {
    side: COMPARE_TEXT[side][lang],
    file,
    table: compared.table ? `${compared.table.sheet}!${compared.table.range}` : none,
    total: compared.totalScore ?? none,
    grade: compared.grade ?? none,
  });
}

/** The comparison as text: both sides, a count, then the differences as a tab-separated table (headings first). */
export function formatComparisonText(
  files: { self: string; review: string },
  comparison: Comparison,
  lang: Lang,
): string {
  const none = CLI_TEXT.none[lang];
  const counts = { ...comparison.matched, count: comparison.differences.length };
  const lines = [
    sideLine('self', files.self, comparison.self, lang),
    sideLine('review', files.review, comparison.review, lang),
    formatMessage(COMPARE_TEXT[comparison.agree ? 'agree' : 'differ'][lang], counts),
  ];
  if (comparison.differences.length === 0) return lines.join('\n');
  lines.push(COMPARE_TEXT.headings[lang]);
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
    io.err(COMPARE_TEXT.usage[lang]);
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
    if (!result.ok)
      io.err(formatMessage(CLI_TEXT.unreadable[lang], { file, message: readErrorMessage(result.error, lang) }));
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
    io.err(formatMessage(COMPARE_TEXT.noTable[lang], { files: missing.join(COMPARE_TEXT.listSeparator[lang]) }));
    return COMPARE_EXIT.unusable;
  }
  if (format === 'text') io.out(formatComparisonText({ self: selfFile, review: reviewFile }, comparison, lang));
  return comparison.agree ? COMPARE_EXIT.agree : COMPARE_EXIT.differ;
}
