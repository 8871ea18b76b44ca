import { CORE_CATALOGS } from '../core/i18n';
import type { Strings } from './strings-catalog';

const CORE = CORE_CATALOGS['zh-CN'];

/** The pane's and the standalone page's words in Chinese (the default). */
export const zhCN: Strings = {
  appTitle: '绩效评分表审核助手',
  toolbarLabel: '审核操作',
  rescan: '重新检查',
  scanProgress: (done, total) => (total > 0 ? `正在读取工作表 ${done}/${total}` : '正在读取工作簿…'),
  fillAll: (cells) => (cells > 0 ? `全部填写（${cells}）` : '全部填写'),
  fillAllHint: '以公式填写全部可推算的空白单元格（先预览，确认后才写入）',
  correctAll: '全部修正…',
  writeReport: '生成审核报告',
  undo: '撤销',
  undoCount: (depth) => `撤销上一次修改（可撤销 ${depth} 次）`,
  live: '实时检查',
  settings: '设置',
  download: '下载',
  downloadHint: '下载修复后的文件',
  openAnother: '打开其他文件',
  more: '更多操作',
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
  showTotal: (total) => `总分 ${total}：在预览中查看合计单元格和各项得分`,
  grade: '等级',
  noValue: '—',
  severity: CORE.severity,
  severityCount: CORE.severity,
  level1Title: '一级指标',
  colIndicator: '指标',
  colWeight: '分值',
  colScore: '得分',
  colRate: '得分率',
  rateBar: (name, rate) => `${name} 得分率 ${rate}`,
  budgetRow: '预算执行率',
  noLevel1: '未识别出一级指标',
  notScanned: '尚未检查：点击“重新检查”读取当前工作簿。',

  findingsTitle: '发现的问题',
  findingsList: (sheet) => `工作表“${sheet}”中的问题`,
  filterSeverity: '按严重程度筛选',
  filterCode: '按规则筛选',
  allCodes: '全部规则',
  noFindings: '未发现问题。',
  noneMatch: '没有符合筛选条件的问题。',
  sheetHeading: (sheet, count) => `${sheet}（${count}）`,
  expected: CORE.values.expected,
  actual: CORE.values.actual,
  expectedActual: CORE.values.both,
  none: CORE.none,
  ruleCode: (code) => `规则代码：${code}`,
  fix: { fill: '填写', correct: '修正' },
  fixLabel: (kind, cell) => `${kind === 'fill' ? '填写' : '修正'} ${cell}`,
  selectHint: '单击或按 Enter 键定位到单元格',

  previewFillTitle: '全部填写 · 预览',
  previewCorrectTitle: '全部修正 · 预览',
  previewFixTitle: { fill: '填写 · 预览', correct: '修正 · 预览' },
  previewIntro: (cells) =>
    `将修改以下 ${cells} 个单元格。点击“应用”后才会写入；每处修改都记入“审核记录”工作表，可以撤销。`,
  previewList: '将修改的单元格',
  previewChange: (from, to) => `${from} → ${to}`,
  previewFormula: '公式',
  previewOldFormula: '原公式',
  scrollCue: (hidden) => `下面还有 ${hidden} 项，请向下滚动查看`,
  colCell: '单元格',
  colOld: '原内容',
  colNew: '新内容',
  colRule: '规则',
  apply: '应用',
  cancel: '取消',

  applied: (cells) => `已写入 ${cells} 个单元格，修改已记入“审核记录”工作表。`,
  edited: (cell, formulas) => `已修改 ${cell}，${formulas} 个公式随之重算；修改已记入“审核记录”工作表，可以撤销。`,
  undone: (cells) => `已撤销，恢复 ${cells} 个单元格。`,
  reportWritten: '已生成“审核报告”工作表。',
  nothingToFill: '没有可以推算填写的空白单元格。',
  nothingToCorrect: '没有可以修正的值。',
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
  findingLine: (name, message) => `${name}：${message}`,
  resolved: '此处已没有问题。',
  skipped: '（略去的行或列）',

  editHint: '带虚线框的数字（得分、分值、人数、金额）可以修改：单击后输入新值，按 Enter 预览；引用它的公式随之重算。',
  editCell: (cell) => `修改 ${cell}`,
  editInput: (cell) => `${cell} 的新值`,
  editRefused: (refusal) => {
    switch (refusal.kind) {
      case 'formula-cell':
        return '这个单元格是公式，由其他单元格算出；请修改它引用的单元格。';
      case 'not-a-number-cell':
        return '只能修改填有数字的单元格（得分、分值、人数、金额）。';
      case 'own-sheet':
        return '“审核记录”和“审核报告”是本工具的记录，不能修改。';
      case 'empty-input':
      default:
        return '请输入一个数字，如 1,234.5 或 93.5%。';
      case 'formula-input':
        return `“${refusal.text}”像是公式：这里只能输入数字，如 1,234.5 或 93.5%。`;
      case 'not-a-number':
        return `“${refusal.text}”不是数字：请输入数字，如 1,234.5 或 93.5%。`;
      case 'unchanged':
        return '数值没有变化。';
    }
  },
  previewEditTitle: '现场修改 · 预览',
  previewEditIntro: (cell, formulas) =>
    `将修改 ${cell}，${formulas} 个公式随之重算。点击“应用”后才会写入；修改记入“审核记录”工作表，可以撤销。`,
  previewEditNoDependents: '没有公式引用这个单元格：手填的合计、得分率和等级不会随之变化，重新检查会指出不再相符之处。',
  previewDependents: '随之变化的公式',
  previewNotRecomputed: '无法重新计算，保留原结果',
  editRule: '现场修改',

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
