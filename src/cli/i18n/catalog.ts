/**
 * Every line the command line prints, one module per language (zh-CN.ts, en-US.ts). Severities, report labels and
 * unreadable-file reasons come from the engine's catalog (src/core/i18n), so they read the same everywhere.
 * A message missing from a language, or misspelled where it is used, fails the type check.
 */
export interface CliCatalog {
  help: {
    /** `用法：score-audit 命令 [选项]` */
    usage: string;
    commandsHeading: string;
    /** [synopsis, what it does]: aligned by display width when printed. */
    commands: ReadonlyArray<readonly [string, string]>;
    optionsHeading: string;
    options: ReadonlyArray<readonly [string, string]>;
    /** Lines after the tables: exit codes. */
    notes: readonly string[];
  };
  /** The one line printed under an argument error. */
  usageLine: string;
  version: (version: string) => string;

  unknownOption: (option: string) => string;
  missingValue: (option: string) => string;
  unexpectedValue: (option: string) => string;
  noCommand: string;
  unknownCommand: (command: string) => string;
  noFiles: string;
  badFormat: (allowed: string) => string;
  badLang: string;
  badMaxCells: string;
  badJobs: string;
  fixUsage: string;
  revertUsage: string;
  compareUsage: string;
  sameOutput: string;
  outputNotXlsx: (command: string, suggestion: string) => string;
  outputExists: (output: string) => string;
  /** A file that could not be written, with the reason in words (never a raw error code). */
  cannotWrite: (output: string, reason: string) => string;
  writeReason: {
    noFolder: string;
    denied: string;
    isFolder: string;
    diskFull: string;
    other: string;
  };

  noWorkbooks: (path: string) => string;
  unreadable: (file: string, reason: string) => string;
  badProfile: (file: string, reason: string) => string;
  profileNotFound: string;

  progress: (done: number, total: number) => string;
  fileHeader: (header: {
    file: string;
    total: string;
    grade: string;
    errors: number;
    warnings: number;
    infos: number;
  }) => string;
  noFindings: string;
  /** The expected / actual note after a message (already worded by the engine's catalog). */
  valuesNote: (values: string) => string;
  reportWritten: (output: string, files: number) => string;

  convertedFromXls: (output: string) => string;
  fixed: (output: string, cells: number) => string;
  recomputed: (count: number) => string;
  notRecomputed: (count: number, first: string) => string;
  nothingToFix: (file: string, correct: boolean) => string;
  reverted: (output: string, changes: number) => string;
  noAuditSheet: (file: string) => string;

  compare: {
    noTable: (files: string) => string;
    self: string;
    review: string;
    side: (side: string, file: string, table: string, total: string, grade: string) => string;
    agree: (byName: number, byPosition: number) => string;
    differ: (count: number, byName: number, byPosition: number) => string;
    headings: readonly string[];
    listSeparator: string;
  };

  rulesHeadings: readonly [string, string, string, string];

  /** The labels of `inspect`'s outline of the recognised tables. */
  inspect: {
    weight: string;
    score: string;
    rate: string;
    fullYearBudget: string;
    executed: string;
    result: string;
    duePersons: string;
    paidPersons: string;
    dueAmount: string;
    paidAmount: string;
    targetValue: string;
    facts: string;
  };
}
