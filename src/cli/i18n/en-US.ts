import { DEFAULT_MAX_CELLS } from '../../file/read-workbook';
import type { CliCatalog } from './catalog';

const MAX_CELLS = DEFAULT_MAX_CELLS.toLocaleString('en-US');
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const enUS: CliCatalog = {
  help: {
    usage: 'Usage: score-audit COMMAND [OPTIONS]',
    commandsHeading: 'Commands:',
    commands: [
      [
        'check FILE|FOLDER|"PATTERN"...',
        'check scoring workbooks (.xlsx, .xls); folders are searched at any depth, "reports/**/*.xlsx" is a pattern (quoted)',
      ],
      [
        'fix FILE -o OUT.xlsx',
        'fill derivable blanks with formulas, each change recorded in 审核记录; FILE is never changed',
      ],
      ['revert OUT.xlsx -o BACK.xlsx', 'put back every change fix recorded in 审核记录'],
      [
        'compare SELF.xlsx REVIEW.xlsx',
        'compare a self-evaluation with its review: weights, scores, indicators, total, grade',
      ],
      ['inspect FILE', 'show the recognised tables and indicator tree'],
      ['rules', 'list every rule (code, name, severity, what it checks)'],
    ],
    optionsHeading: 'Options:',
    options: [
      ['--format text|json|csv|html', 'output format (csv and html for check only)'],
      ['-o, --output FILE', 'check: write the report to FILE; fix, revert: the workbook written'],
      ['--correct', 'fix: also replace wrong totals, rates and grades by formulas'],
      ['--force', 'fix, revert: overwrite an existing output file'],
      ['-j, --jobs N', 'check: files checked at once (default: one per core)'],
      ['--together', 'check: reconcile the files with each other as one submission'],
      ['--lang zh-CN|en-US', 'language (default: from LC_ALL or LANG, else Chinese)'],
      ['--profile PROFILE.json', 'grade thresholds, decimals and other settings'],
      ['--max-cells N', `the most cells read from one workbook (default ${MAX_CELLS}); larger ones are not checked`],
      ['-v, --version', 'show the version'],
      ['-h, --help', 'show this help'],
    ],
    notes: [
      'Exit codes: 0 no errors; 1 error findings; 2 a file could not be read or the arguments are wrong.',
      'compare exits 0 when the two agree, 1 when they differ, 2 for an unreadable file, wrong arguments or nothing to compare.',
    ],
  },
  usageLine: 'Usage: score-audit check|fix|revert|compare|inspect|rules … (score-audit --help explains)',
  version: (version) => `score-audit ${version}`,

  unknownOption: (option) => `unknown option: ${option}`,
  missingValue: (option) => `option ${option} needs a value`,
  unexpectedValue: (option) => `option ${option} takes no value`,
  noCommand: 'name a command',
  unknownCommand: (command) => `unknown command: ${command}`,
  noFiles: 'name at least one file',
  badFormat: (allowed) => `--format must be one of ${allowed}`,
  badLang: '--lang must be zh-CN or en-US',
  badMaxCells: '--max-cells must be a positive whole number',
  badJobs: '--jobs must be a positive whole number',
  fixUsage: 'Usage: score-audit fix FILE -o OUT.xlsx [--correct] [--force]',
  revertUsage: 'Usage: score-audit revert OUT.xlsx -o BACK.xlsx [--force]',
  compareUsage: 'Usage: score-audit compare SELF.xlsx REVIEW.xlsx [--format text|json]',
  sameOutput: 'the output must not be the input file: the input is never modified',
  outputNotXlsx: (command, suggestion) =>
    `the output must end in .xlsx: ${command} writes an .xlsx workbook (an .xls input is saved as .xlsx too); use ${suggestion}`,
  outputExists: (output) => `${output} exists; add --force to overwrite it`,
  cannotWrite: (output, reason) => `cannot write ${output}: ${reason}`,
  writeReason: {
    noFolder: 'its folder does not exist',
    denied: 'permission denied',
    isFolder: 'it is a folder',
    diskFull: 'the disk is full',
    other: 'the write failed',
  },

  noWorkbooks: (path) => `${path}: no workbook found`,
  unreadable: (file, reason) => `${file}: ${reason}`,
  badProfile: (file, reason) => `profile ${file} is wrong: ${reason}`,
  profileNotFound: 'the file cannot be found or read',

  progress: (done, total) => `checked ${done}/${total}`,
  fileHeader: (h) =>
    `${h.file}  total ${h.total}  grade ${h.grade}  ${plural(h.errors, 'error', 'errors')}  ${plural(h.warnings, 'warning', 'warnings')}  ${plural(h.infos, 'info', 'infos')}`,
  noFindings: 'no findings',
  valuesNote: (values) => ` (${values})`,
  reportWritten: (output, files) => `wrote the report ${output}: ${plural(files, 'file', 'files')}`,

  convertedFromXls: (output) =>
    `the input is an .xls; it was saved as .xlsx: ${output} (values, formulas, number formats, merges and sheets kept; fonts and borders not)`,
  fixed: (output, cells) =>
    `wrote ${output}: ${plural(cells, 'cell', 'cells')} changed, recorded in the 审核记录 sheet`,
  recomputed: (count) =>
    `  ${count} formulas that read the changed cells had their stored results recomputed (also recorded in 审核记录)`,
  notRecomputed: (count, first) =>
    `  ${count} formulas that read the changed cells cannot be recomputed here (e.g. ${first}); Excel recalculates them on open`,
  nothingToFix: (file, correct) =>
    `${file}: no blank can be derived${correct ? ' and no value corrected' : ''}; nothing was written`,
  reverted: (output, changes) => `wrote ${output}: ${plural(changes, 'change', 'changes')} put back`,
  noAuditSheet: (file) => `${file} has no 审核记录 sheet: there is nothing to put back; nothing was written`,

  compare: {
    noTable: (files) => `cannot compare: no indicator table or summary recognised in ${files}`,
    self: 'self-evaluation',
    review: 'review',
    side: (side, file, table, total, grade) => `${side}: ${file}  ${table}  total ${total}  grade ${grade}`,
    agree: (byName, byPosition) =>
      `the two agree: no difference (indicators paired by name ${byName}, by position ${byPosition})`,
    differ: (count, byName, byPosition) =>
      `${plural(count, 'difference', 'differences')} (indicators paired by name ${byName}, by position ${byPosition})`,
    headings: [
      'Indicator',
      'Item',
      'Self-evaluation',
      'Review',
      'Difference (review − self)',
      'Self-evaluation cell',
      'Review cell',
    ],
    listSeparator: ', ',
  },

  rulesHeadings: ['Code', 'Severity', 'Name', 'What it checks'],

  inspect: {
    weight: 'weight',
    score: 'score',
    rate: 'rate',
    fullYearBudget: 'full-year budget',
    executed: 'executed',
    result: 'result',
    duePersons: 'persons due',
    paidPersons: 'persons paid',
    dueAmount: 'amount due',
    paidAmount: 'amount paid',
    targetValue: 'target',
    facts: 'facts',
  },
};
