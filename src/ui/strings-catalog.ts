import type { Phase } from '../app/controller';
import type { CompareSide } from '../core/compare/schema';
import type { Severity } from '../core/finding';
import type { EditRefusal } from '../core/fix/edit';
import type { RuleSetting } from '../core/profile';

/**
 * Every piece of text the task pane and the standalone page show, one module per language (strings.zh-CN.ts,
 * strings.en-US.ts), each typed as `Strings`: a key missing from one of them, or misspelled where it is used, fails
 * the type check. Severity words come from the engine's catalog (src/core/i18n), the same as the command line and the
 * reports. Workbook text is never put in here: it is passed in as arguments and rendered as React text.
 */
export interface Strings {
  appTitle: string;
  toolbarLabel: string;
  /** Re-reads the workbook (Excel only: a file on the standalone page does not change behind the pane). */
  rescan: string;
  scanProgress: (done: number, total: number) => string;
  /** The primary action: fill every derivable blank (behind a preview), with how many cells it would fill. */
  fillAll: (cells: number) => string;
  fillAllHint: string;
  /** Replace every wrong derived value by its formula (behind a preview). */
  correctAll: string;
  writeReport: string;
  undo: string;
  undoCount: (depth: number) => string;
  live: string;
  settings: string;
  download: string;
  downloadHint: string;
  openAnother: string;
  more: string;
  phase: Readonly<Record<Exclude<Phase, 'idle'>, string>>;

  summaryTitle: string;
  totalScore: string;
  /** The total as a button: shows the total's cell and the scores it adds up in the preview (or selects them in Excel). */
  showTotal: (total: string) => string;
  grade: string;
  noValue: string;
  severity: Readonly<Record<Severity, string>>;
  severityCount: Readonly<Record<Severity, string>>;
  level1Title: string;
  colIndicator: string;
  colWeight: string;
  colScore: string;
  colRate: string;
  rateBar: (name: string, rate: string) => string;
  /** The funds row of a self-evaluation form in the level-1 table. */
  budgetRow: string;
  noLevel1: string;
  notScanned: string;

  findingsTitle: string;
  findingsList: (sheet: string) => string;
  filterSeverity: string;
  filterCode: string;
  allCodes: string;
  noFindings: string;
  noneMatch: string;
  sheetHeading: (sheet: string, count: number) => string;
  expected: (expected: string) => string;
  actual: (actual: string) => string;
  expectedActual: (expected: string, actual: string) => string;
  none: string;
  /** The rule's code, as the tooltip of a finding's title (its rule's name). */
  ruleCode: (code: string) => string;
  /** A finding's own fix: 填写 for a blank, 修正 for a wrong value. */
  fix: Readonly<Record<'fill' | 'correct', string>>;
  fixLabel: (kind: 'fill' | 'correct', cell: string) => string;
  selectHint: string;

  previewFillTitle: string;
  previewCorrectTitle: string;
  previewFixTitle: Readonly<Record<'fill' | 'correct', string>>;
  previewIntro: (cells: number) => string;
  previewList: string;
  previewChange: (from: string, to: string) => string;
  previewFormula: string;
  /** The formula a correction replaces. */
  previewOldFormula: string;
  /** Shown while more of the list lies below the fold. */
  scrollCue: (hidden: number) => string;
  colCell: string;
  colOld: string;
  colNew: string;
  colRule: string;
  apply: string;
  cancel: string;

  applied: (cells: number) => string;
  /** An edit on site was written, with how many formulas moved with it. */
  edited: (cell: string, formulas: number) => string;
  undone: (cells: number) => string;
  reportWritten: string;
  nothingToFill: string;
  nothingToCorrect: string;
  profileSaved: string;
  profileInvalid: (message: string) => string;
  failed: (message: string) => string;
  dismiss: string;

  settingsTitle: string;
  close: string;
  save: string;
  grades: string;
  gradesHint: string;
  gradeName: string;
  gradeMin: string;
  addGrade: string;
  removeGrade: (grade: string) => string;
  rateDecimals: string;
  scoreDecimals: string;
  optionValues: string;
  optionValuesHint: string;
  aliases: string;
  aliasesHint: string;
  ruleSeverity: string;
  /** The option that keeps a rule's own severity, e.g. 默认（错误）. */
  ruleDefault: (severity: string) => string;
  ruleSetting: Readonly<Record<RuleSetting, string>>;
  invalidSettings: (message: string) => string;

  landingTitle: string;
  landingIntro: string;
  chooseFile: string;
  dropHere: string;
  /** Several files at once are one submission, checked together. */
  severalFiles: string;
  dropZone: string;
  opening: string;
  openFailed: (name: string, message: string) => string;
  loadSampleFailed: string;

  cellPreview: string;
  previewCaption: (sheet: string, cell: string) => string;
  sheetMissing: (sheet: string) => string;
  /** A finding in the cell preview: its rule's name, then its message. */
  findingLine: (name: string, message: string) => string;
  /** The selected cell has no finding any more (after a fix or an edit). */
  resolved: string;
  /** Rows or columns left out of the preview between two shown ones. */
  skipped: string;

  /** Under the standalone page's preview: typed numbers can be changed, and what reads them moves. */
  editHint: string;
  /**
   * An editable cell's tooltip and description: what pressing it does, and which cell (its name is the number it
   * shows, read with the table's row and column headings).
   */
  editCell: (cell: string) => string;
  /** The box a new number is typed in. */
  editInput: (cell: string) => string;
  /** Why a typed text or a cell was refused (text typed is data: only a number is taken). */
  editRefused: (refusal: EditRefusal) => string;
  /** The edit's confirmation: title, what it will do, the formulas that move with it. */
  previewEditTitle: string;
  previewEditIntro: (cell: string, formulas: number) => string;
  /** No formula reads the cell: a total typed by hand stays as it is (the check will say if it no longer adds up). */
  previewEditNoDependents: string;
  previewDependents: string;
  /** A dependent the evaluator cannot compute: its stored result is kept (the spreadsheet recomputes it on open). */
  previewNotRecomputed: string;
  /** In place of a rule's name: the user typed this value. */
  editRule: string;

  compareWith: string;
  compareLoading: string;
  compareClose: string;
  compareOpenIs: string;
  compareSide: Readonly<Record<CompareSide, string>>;
  compareChoose: string;
  compareFile: (name: string) => string;
  compareAgree: string;
  compareCount: (count: number) => string;
  compareTotals: (side: string, total: string, grade: string) => string;
  compareNoTable: (names: string) => string;
  compareThisWorkbook: string;
  compareTable: string;
  colItem: string;
  colDifference: string;
  compareGoTo: (cell: string) => string;
}
