import type { CoreCatalog } from './catalog';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const enUS: CoreCatalog = {
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  severityCount: (severity, count) =>
    severity === 'error'
      ? plural(count, 'error', 'errors')
      : severity === 'warning'
        ? plural(count, 'warning', 'warnings')
        : plural(count, 'info', 'infos'),
  off: 'off',
  none: 'none',

  values: {
    expected: (expected) => `expected ${expected}`,
    actual: (actual) => `found ${actual}`,
    both: (expected, actual) => `expected ${expected}, found ${actual}`,
  },

  report: {
    title: 'Score Audit report',
    overview: (t) =>
      `${plural(t.files, 'file', 'files')}${t.unreadable > 0 ? `, ${t.unreadable} unreadable` : ''}; ${plural(t.errors, 'error', 'errors')}, ${plural(t.warnings, 'warning', 'warnings')}, ${plural(t.infos, 'info', 'infos')}`,
    summaryHeading: 'Summary',
    findingsHeading: 'Findings by file',
    sortHint: 'Click a header to sort.',
    file: 'File',
    status: 'Status',
    checked: 'checked',
    unreadableStatus: 'unreadable',
    unreadable: (reason) => `unreadable: ${reason}`,
    totalScore: 'Total score',
    grade: 'Grade',
    errors: 'Errors',
    warnings: 'Warnings',
    infos: 'Infos',
    severity: 'Severity',
    rule: 'Rule',
    code: 'Code',
    sheet: 'Sheet',
    cell: 'Cell',
    message: 'Message',
    expected: 'Expected',
    actual: 'Actual',
    noFindings: 'No findings',
    chartLevel1: 'Level 1',
    chartRate: 'Score rate',
  },

  readError: {
    'not-found': 'file not found',
    'not-workbook': 'not an Excel workbook (.xlsx and .xls are supported)',
    corrupt: 'the file is damaged and cannot be read',
    encrypted: 'the file is password-protected; remove the password in Excel and check it again',
    'too-large': 'the file is larger than the limit that can be checked',
    'empty-file': 'the file is empty (0 bytes)',
  },
  tooManyCells: (limit) =>
    `the workbook has more than ${limit} cells, the limit of a check; to check it anyway, raise the limit (command line: --max-cells N)`,

  profile: {
    notJson: (detail) => `not valid JSON (${detail})`,
    wrongType: (field, expected) => `field ${field} must be of type ${expected}`,
    unknownFields: (fields) => `unknown field ${fields.join(', ')}`,
    tooSmall: (field, minimum) => `field ${field} is too small (minimum ${minimum})`,
    tooBig: (field, maximum) => `field ${field} is too big (maximum ${maximum})`,
    invalid: (field, detail) => `field ${field} is invalid: ${detail}`,
    invalidProfile: 'invalid profile',
  },

  compare: {
    difference: {
      name: 'name',
      weight: 'weight',
      score: 'score',
      'only-self': 'only in the self-evaluation',
      'only-review': 'only in the review',
      grade: 'grade',
    },
    total: 'total',
    grade: 'grade',
    computed: ' (computed)',
  },

  audit: {
    recalcReason: 'recomputed: a cell it reads was changed',
    editReason: 'edited on site',
    empty: '(empty)',
    reviewedSuffix: ' (reviewed)',
  },
};
