import type { Phase } from '../app/controller';
import type { CompareSide } from '../core/compare/schema';
import type { Lang, Severity } from '../core/finding';
import type { RuleSetting } from '../core/profile';

/**
 * Every piece of text the task pane and the standalone page show, Chinese first. Each language is typed as
 * `Strings`, so a key missing from one of them fails the type check. Workbook text is never put in here: it is
 * passed in as arguments and rendered as React text.
 */
export interface Strings {
  appTitle: string;
  toolbarLabel: string;
  scan: string;
  scanProgress: (done: number, total: number) => string;
  fillAll: string;
  writeReport: string;
  undo: string;
  undoCount: (depth: number) => string;
  live: string;
  settings: string;
  download: string;
  openAnother: string;
  phase: Readonly<Record<Exclude<Phase, 'idle'>, string>>;

  summaryTitle: string;
  totalScore: string;
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
  expectedActual: (expected: string, actual: string) => string;
  none: string;
  fix: string;
  fixLabel: (cell: string) => string;
  selectHint: string;

  previewFillTitle: string;
  previewFixTitle: string;
  previewIntro: (cells: number) => string;
  colCell: string;
  colOld: string;
  colNew: string;
  colRule: string;
  apply: string;
  cancel: string;

  applied: (cells: number) => string;
  undone: (cells: number) => string;
  reportWritten: string;
  nothingToFill: string;
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

const zhCN: Strings = {
  appTitle: '绩效评分表审核助手',
  toolbarLabel: '审核操作',
  scan: '扫描',
  scanProgress: (done, total) => (total > 0 ? `正在读取工作表 ${done}/${total}` : '正在读取工作簿…'),
  fillAll: '填写全部推算值',
  writeReport: '生成审核报告',
  undo: '撤销',
  undoCount: (depth) => `撤销上一次修改（可撤销 ${depth} 次）`,
  live: '实时检查',
  settings: '设置',
  download: '下载修复后的文件',
  openAnother: '打开其他文件',
  phase: {
    loading: '正在读取设置…',
    scanning: '正在扫描…',
    applying: '正在写入…',
    undoing: '正在撤销…',
    reporting: '正在生成审核报告…',
    saving: '正在保存设置…',
  },

  summaryTitle: '评分概况',
  totalScore: '总分',
  grade: '等级',
  noValue: '—',
  severity: { error: '错误', warning: '警告', info: '提示' },
  severityCount: { error: '错误', warning: '警告', info: '提示' },
  level1Title: '一级指标',
  colIndicator: '指标',
  colWeight: '分值',
  colScore: '得分',
  colRate: '得分率',
  rateBar: (name, rate) => `${name} 得分率 ${rate}`,
  noLevel1: '未识别出一级指标',
  notScanned: '点击“扫描”检查当前工作簿。',

  findingsTitle: '发现的问题',
  findingsList: (sheet) => `工作表“${sheet}”中的问题`,
  filterSeverity: '按严重程度筛选',
  filterCode: '按规则筛选',
  allCodes: '全部规则',
  noFindings: '未发现问题。',
  noneMatch: '没有符合筛选条件的问题。',
  sheetHeading: (sheet, count) => `${sheet}（${count}）`,
  expectedActual: (expected, actual) => `应为 ${expected}，实为 ${actual}`,
  none: '无',
  fix: '修复',
  fixLabel: (cell) => `修复 ${cell}`,
  selectHint: '单击或按 Enter 键定位到单元格',

  previewFillTitle: '填写全部推算值 · 预览',
  previewFixTitle: '修复 · 预览',
  previewIntro: (cells) =>
    `将修改以下 ${cells} 个单元格。点击“应用”后才会写入；每处修改都记入“审核记录”工作表，可以撤销。`,
  colCell: '单元格',
  colOld: '原内容',
  colNew: '新内容',
  colRule: '规则',
  apply: '应用',
  cancel: '取消',

  applied: (cells) => `已写入 ${cells} 个单元格，修改已记入“审核记录”工作表。`,
  undone: (cells) => `已撤销，恢复 ${cells} 个单元格。`,
  reportWritten: '已生成“审核报告”工作表。',
  nothingToFill: '没有可以推算填写的空白单元格。',
  profileSaved: '设置已保存。',
  profileInvalid: (message) => `工作簿中保存的设置无效，已改用默认设置：${message}`,
  failed: (message) => `操作失败：${message}`,
  dismiss: '关闭提示',

  settingsTitle: '设置',
  close: '关闭',
  save: '保存',
  grades: '等级标准',
  gradesHint: '从高到低排列；总分不低于最低分即为该等级。',
  gradeName: '等级',
  gradeMin: '最低分',
  addGrade: '添加等级',
  removeGrade: (grade) => `删除等级 ${grade}`,
  rateDecimals: '比率小数位数',
  scoreDecimals: '得分小数位数',
  optionValues: '满意度选项分值',
  optionValuesHint: '每行一项：选项 = 分值（0 到 1，或百分数，如 90%）',
  aliases: '一级指标别名',
  aliasesHint: '每行一项：标准名称：别名、别名',
  ruleSeverity: '规则的严重程度',
  ruleDefault: (severity) => `默认（${severity}）`,
  ruleSetting: { error: '错误', warn: '警告', info: '提示', off: '关闭' },
  invalidSettings: (message) => `设置有误，未保存：${message}`,

  landingTitle: '打开评分工作簿',
  landingIntro: '无需安装加载项。选择或拖入 .xlsx / .xls 文件即可检查；文件只在本机浏览器中处理，不会上传。',
  chooseFile: '选择文件',
  dropHere: '或将文件拖放到此处',
  severalFiles: '可一次选择或拖入同一项目的多个文件（如分别导出的目标表、监控表、自评表），作为一套材料相互核对',
  dropZone: '文件拖放区',
  opening: '正在读取文件…',
  openFailed: (name, message) => `无法打开“${name}”：${message}`,
  loadSampleFailed: '无法加载示例工作簿。',

  cellPreview: '单元格预览',
  previewCaption: (sheet, cell) => `工作表“${sheet}”，单元格 ${cell}`,
  sheetMissing: (sheet) => `找不到工作表“${sheet}”。`,

  compareWith: '与另一份文件比对',
  compareLoading: '正在加载比对功能…',
  compareClose: '关闭比对',
  compareOpenIs: '当前工作簿是',
  compareSide: { self: '自评表', review: '复核表' },
  compareChoose: '选择要比对的文件',
  compareFile: (name) => `比对文件：${name}`,
  compareAgree: '两份文件一致，未发现差异。',
  compareCount: (count) => `差异 ${count} 处`,
  compareTotals: (side, total, grade) => `${side}：总分 ${total}，等级 ${grade}`,
  compareNoTable: (names) => `无法比对：${names}中未识别出指标表或汇总表。`,
  compareThisWorkbook: '当前工作簿',
  compareTable: '比对结果',
  colItem: '项目',
  colDifference: '差异',
  compareGoTo: (cell) => `定位到 ${cell}`,
};

const enUS: Strings = {
  appTitle: 'Score Audit',
  toolbarLabel: 'Review actions',
  scan: 'Scan',
  scanProgress: (done, total) => (total > 0 ? `Reading sheet ${done} of ${total}` : 'Reading the workbook…'),
  fillAll: 'Fill all derived values',
  writeReport: 'Write report sheet',
  undo: 'Undo',
  undoCount: (depth) => `Undo the last change (${depth} can be undone)`,
  live: 'Live check',
  settings: 'Settings',
  download: 'Download fixed file',
  openAnother: 'Open another file',
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
  grade: 'Grade',
  noValue: '—',
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  severityCount: { error: 'Errors', warning: 'Warnings', info: 'Infos' },
  level1Title: 'Level-1 indicators',
  colIndicator: 'Indicator',
  colWeight: 'Weight',
  colScore: 'Score',
  colRate: 'Rate',
  rateBar: (name, rate) => `${name} score rate ${rate}`,
  noLevel1: 'No level-1 indicators recognised',
  notScanned: 'Select Scan to check this workbook.',

  findingsTitle: 'Findings',
  findingsList: (sheet) => `Findings on sheet ${sheet}`,
  filterSeverity: 'Filter by severity',
  filterCode: 'Filter by rule',
  allCodes: 'All rules',
  noFindings: 'No findings.',
  noneMatch: 'No findings match the filters.',
  sheetHeading: (sheet, count) => `${sheet} (${count})`,
  expectedActual: (expected, actual) => `expected ${expected}, found ${actual}`,
  none: 'none',
  fix: 'Fix',
  fixLabel: (cell) => `Fix ${cell}`,
  selectHint: 'Click or press Enter to go to the cell',

  previewFillTitle: 'Fill all derived values · preview',
  previewFixTitle: 'Fix · preview',
  previewIntro: (cells) =>
    `${cells} ${cells === 1 ? 'cell' : 'cells'} will change. Nothing is written until you select Apply; every change is recorded in the 审核记录 sheet and can be undone.`,
  colCell: 'Cell',
  colOld: 'Old content',
  colNew: 'New content',
  colRule: 'Rule',
  apply: 'Apply',
  cancel: 'Cancel',

  applied: (cells) => `${cells} ${cells === 1 ? 'cell' : 'cells'} written and recorded in the 审核记录 sheet.`,
  undone: (cells) => `Undone: ${cells} ${cells === 1 ? 'cell' : 'cells'} restored.`,
  reportWritten: 'The 审核报告 report sheet was written.',
  nothingToFill: 'No blank cell can be derived.',
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

export const STRINGS: Readonly<Record<Lang, Strings>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function stringsFor(lang: Lang): Strings {
  return STRINGS[lang];
}
