import type { Severity } from '../finding';

/** Why a file could not be read (the file layer raises these; the words live here, with every other message). */
export const READ_ERROR_KINDS = [
  'not-found',
  'not-workbook',
  'corrupt',
  'encrypted',
  'too-large',
  'empty-file',
] as const;
export type ReadErrorKind = (typeof READ_ERROR_KINDS)[number];

/** What differs between a self-evaluation and its review. */
export type DifferenceWord = 'name' | 'weight' | 'score' | 'only-self' | 'only-review' | 'grade';

/**
 * The engine's words outside the rules (each rule keeps its own messages beside it): severities, the values beside a
 * finding, the report (sheet, CSV, HTML), unreadable files, profile errors, the comparison and the audit sheet.
 * One module per language implements it, so a missing or misspelled message fails the type check.
 */
export interface CoreCatalog {
  /** A finding's severity, as its label: 错误 / Error. */
  severity: Readonly<Record<Severity, string>>;
  /** A count of findings of a severity: 错误 3 / 3 errors. */
  severityCount: (severity: Severity, count: number) => string;
  /** A rule turned off in the profile. */
  off: string;
  /** An empty cell or a missing value. */
  none: string;

  /** The values beside a finding's message, each only when the message does not already state it. */
  values: {
    expected: (expected: string) => string;
    actual: (actual: string) => string;
    both: (expected: string, actual: string) => string;
  };

  report: {
    /** The 审核报告 sheet's, the CSV's and the HTML page's title. */
    title: string;
    /** The batch in one line: files, unreadable, and findings by severity. */
    overview: (totals: {
      files: number;
      unreadable: number;
      errors: number;
      warnings: number;
      infos: number;
    }) => string;
    summaryHeading: string;
    findingsHeading: string;
    sortHint: string;
    file: string;
    status: string;
    checked: string;
    unreadableStatus: string;
    unreadable: (reason: string) => string;
    totalScore: string;
    grade: string;
    errors: string;
    warnings: string;
    infos: string;
    severity: string;
    rule: string;
    code: string;
    sheet: string;
    cell: string;
    message: string;
    expected: string;
    actual: string;
    noFindings: string;
    /** The headings of the chart data beside the findings in Excel's report sheet. */
    chartLevel1: string;
    chartRate: string;
  };

  readError: Readonly<Record<ReadErrorKind, string>>;
  /** A workbook over the cell limit; `limit` is written with thousands separators. */
  tooManyCells: (limit: string) => string;

  profile: {
    notJson: (detail: string) => string;
    wrongType: (field: string, expected: string) => string;
    unknownFields: (fields: readonly string[]) => string;
    tooSmall: (field: string, minimum: string) => string;
    tooBig: (field: string, maximum: string) => string;
    invalid: (field: string, detail: string) => string;
    invalidProfile: string;
  };

  compare: {
    difference: Readonly<Record<DifferenceWord, string>>;
    total: string;
    grade: string;
    /** Marks a figure computed from its children rather than read from a cell. */
    computed: string;
  };

  audit: {
    /** The reason recorded for a formula whose stored result was recomputed because a cell it reads was written. */
    recalcReason: string;
    /** The reason recorded for a number the user typed into a cell on the standalone page (an edit on site). */
    editReason: string;
    empty: string;
    /** Added to a downloaded file's name: 评分表（已审核）.xlsx. */
    reviewedSuffix: string;
  };
}
