import { CORE_CATALOGS } from '../core/i18n';
import type { Strings } from './strings-catalog';

const CORE = CORE_CATALOGS['en-US'];

/** The pane's and the standalone page's words in English. */
export const enUS: Strings = {
  appTitle: 'Score Audit',
  toolbarLabel: 'Review actions',
  rescan: 'Check again',
  scanProgress: (done, total) => (total > 0 ? `Reading sheet ${done} of ${total}` : 'Reading the workbook…'),
  fillAll: (cells) => (cells > 0 ? `Fill all (${cells})` : 'Fill all'),
  fillAllHint: 'Fill every derivable blank with a formula (previewed first; nothing is written before you apply)',
  correctAll: 'Correct all…',
  writeReport: 'Write report sheet',
  undo: 'Undo',
  undoCount: (depth) => `Undo the last change (${depth} can be undone)`,
  live: 'Live check',
  settings: 'Settings',
  download: 'Download',
  downloadHint: 'Download fixed file',
  openAnother: 'Open another file',
  more: 'More actions',
  phase: {
    loading: 'Loading settings…',
    scanning: 'Scanning…',
    applying: 'Writing…',
    undoing: 'Undoing…',
    reporting: 'Writing the report sheet…',
    saving: 'Saving settings…',
  },

  summaryTitle: 'Summary',
  totalScore: 'Total score',
  showTotal: (total) => `Total score ${total}: show its cell and the scores it adds up in the preview`,
  grade: 'Grade',
  noValue: '—',
  severity: CORE.severity,
  severityCount: { error: 'Errors', warning: 'Warnings', info: 'Infos' },
  level1Title: 'Level-1 indicators',
  colIndicator: 'Indicator',
  colWeight: 'Weight',
  colScore: 'Score',
  colRate: 'Rate',
  rateBar: (name, rate) => `${name} score rate ${rate}`,
  budgetRow: 'Budget execution',
  noLevel1: 'No level-1 indicators recognised',
  notScanned: 'Not checked yet: select Check again to read this workbook.',

  findingsTitle: 'Findings',
  findingsList: (sheet) => `Findings on sheet ${sheet}`,
  filterSeverity: 'Filter by severity',
  filterCode: 'Filter by rule',
  allCodes: 'All rules',
  noFindings: 'No findings.',
  noneMatch: 'No findings match the filters.',
  sheetHeading: (sheet, count) => `${sheet} (${count})`,
  expected: CORE.values.expected,
  actual: CORE.values.actual,
  expectedActual: CORE.values.both,
  none: CORE.none,
  ruleCode: (code) => `Rule code: ${code}`,
  fix: { fill: 'Fill', correct: 'Correct' },
  fixLabel: (kind, cell) => `${kind === 'fill' ? 'Fill' : 'Correct'} ${cell}`,
  selectHint: 'Click or press Enter to go to the cell',

  previewFillTitle: 'Fill all · preview',
  previewCorrectTitle: 'Correct all · preview',
  previewFixTitle: { fill: 'Fill · preview', correct: 'Correct · preview' },
  previewIntro: (cells) =>
    `${cells} ${cells === 1 ? 'cell' : 'cells'} will change. Nothing is written until you select Apply; every change is recorded in the 审核记录 sheet and can be undone.`,
  previewList: 'Cells that will change',
  previewChange: (from, to) => `${from} → ${to}`,
  previewFormula: 'Formula',
  previewOldFormula: 'Formula before',
  scrollCue: (hidden) => `${hidden} more below: scroll down to see ${hidden === 1 ? 'it' : 'them'}`,
  colCell: 'Cell',
  colOld: 'Old content',
  colNew: 'New content',
  colRule: 'Rule',
  apply: 'Apply',
  cancel: 'Cancel',

  applied: (cells) => `${cells} ${cells === 1 ? 'cell' : 'cells'} written and recorded in the 审核记录 sheet.`,
  edited: (cell, formulas) =>
    `${cell} changed, ${formulas} ${formulas === 1 ? 'formula' : 'formulas'} recomputed; recorded in the 审核记录 sheet, and can be undone.`,
  undone: (cells) => `Undone: ${cells} ${cells === 1 ? 'cell' : 'cells'} restored.`,
  reportWritten: 'The 审核报告 report sheet was written.',
  nothingToFill: 'No blank cell can be derived.',
  nothingToCorrect: 'No value can be corrected.',
  profileSaved: 'Settings saved.',
  profileInvalid: (message) => `The settings saved with the workbook are invalid; the defaults are used: ${message}`,
  failed: (message) => `Failed: ${message}`,
  dismiss: 'Dismiss',

  settingsTitle: 'Settings',
  close: 'Close',
  save: 'Save',
  grades: 'Grade thresholds',
  gradesHint: 'Highest first; a total at or above the minimum earns the grade.',
  gradeName: 'Grade',
  gradeMin: 'Minimum',
  addGrade: 'Add grade',
  removeGrade: (grade) => `Remove grade ${grade}`,
  rateDecimals: 'Rate decimals',
  scoreDecimals: 'Score decimals',
  optionValues: 'Satisfaction option values',
  optionValuesHint: 'One a line: option = value (0 to 1, or a percentage such as 90%)',
  aliases: 'Level-1 aliases',
  aliasesHint: 'One a line: name: alias, alias',
  ruleSeverity: 'Severity of each rule',
  ruleDefault: (severity) => `Default (${severity})`,
  ruleSetting: { error: 'Error', warn: 'Warning', info: 'Info', off: 'Off' },
  invalidSettings: (message) => `The settings were not saved: ${message}`,

  landingTitle: 'Open a scoring workbook',
  landingIntro:
    'No add-in needed. Choose or drop an .xlsx or .xls file to check it; it is processed in this browser only and never uploaded.',
  chooseFile: 'Choose a file',
  dropHere: 'or drop it here',
  severalFiles:
    'Choose or drop several files of one project at once (forms exported one file each) to check them as one submission',
  dropZone: 'File drop area',
  opening: 'Reading the file…',
  openFailed: (name, message) => `Cannot open “${name}”: ${message}`,
  loadSampleFailed: 'The sample workbook could not be loaded.',

  cellPreview: 'Cell preview',
  previewCaption: (sheet, cell) => `Sheet ${sheet}, cell ${cell}`,
  sheetMissing: (sheet) => `Sheet ${sheet} was not found.`,
  findingLine: (name, message) => `${name}: ${message}`,
  resolved: 'No finding here any more.',
  skipped: '(rows or columns left out)',

  editHint:
    'Numbers with a dashed frame (scores, weights, counts, amounts) can be changed: click one, type the new value and press Enter to preview; the formulas that read it are recomputed.',
  editCell: (cell) => `Change ${cell}`,
  editInput: (cell) => `New value of ${cell}`,
  editRefused: (refusal) => {
    switch (refusal.kind) {
      case 'formula-cell':
        return 'This cell is a formula, computed from other cells: change a cell it reads instead.';
      case 'not-a-number-cell':
        return 'Only cells holding a number can be changed (scores, weights, counts, amounts).';
      case 'own-sheet':
        return 'The 审核记录 and 审核报告 sheets are this tool’s records and cannot be changed.';
      case 'empty-input':
      default:
        return 'Type a number, such as 1,234.5 or 93.5%.';
      case 'formula-input':
        return `“${refusal.text}” looks like a formula: only a number can be typed here, such as 1,234.5 or 93.5%.`;
      case 'not-a-number':
        return `“${refusal.text}” is not a number: type a number, such as 1,234.5 or 93.5%.`;
      case 'unchanged':
        return 'The value is the same.';
    }
  },
  previewEditTitle: 'Edit on site · preview',
  previewEditIntro: (cell, formulas) =>
    `${cell} will change and ${formulas} ${formulas === 1 ? 'formula' : 'formulas'} will be recomputed. Nothing is written before Apply; the change is recorded in the 审核记录 sheet and can be undone.`,
  previewEditNoDependents:
    'No formula reads this cell: totals, rates and grades typed by hand stay as they are, and the check will say where they no longer add up.',
  previewDependents: 'Formulas that move with it',
  previewNotRecomputed: 'cannot be recomputed; the stored result is kept',
  editRule: 'Edited on site',

  compareWith: 'Compare with another file',
  compareLoading: 'Loading the comparison…',
  compareClose: 'Close the comparison',
  compareOpenIs: 'This workbook is the',
  compareSide: { self: 'Self-evaluation', review: 'Review' },
  compareChoose: 'Choose the file to compare',
  compareFile: (name) => `Compared with ${name}`,
  compareAgree: 'The two agree: no difference.',
  compareCount: (count) => `${count} ${count === 1 ? 'difference' : 'differences'}`,
  compareTotals: (side, total, grade) => `${side}: total ${total}, grade ${grade}`,
  compareNoTable: (names) => `Cannot compare: no indicator table or summary recognised in ${names}.`,
  compareThisWorkbook: 'this workbook',
  compareTable: 'Comparison',
  colItem: 'Item',
  colDifference: 'Difference',
  compareGoTo: (cell) => `Go to ${cell}`,
};
