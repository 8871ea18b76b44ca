import type { CoreCatalog } from './catalog';

export const zhCN: CoreCatalog = {
  severity: { error: '错误', warning: '警告', info: '提示' },
  severityCount: (severity, count) => `${zhCN.severity[severity]} ${count}`,
  off: '关闭',
  none: '无',

  values: {
    expected: (expected) => `应为 ${expected}`,
    actual: (actual) => `实为 ${actual}`,
    both: (expected, actual) => `应为 ${expected}，实为 ${actual}`,
  },

  report: {
    title: '绩效评分表审核报告',
    overview: (t) =>
      `共 ${t.files} 个文件${t.unreadable > 0 ? `，${t.unreadable} 个无法读取` : ''}；错误 ${t.errors}，警告 ${t.warnings}，提示 ${t.infos}`,
    summaryHeading: '汇总',
    findingsHeading: '各文件的发现',
    sortHint: '点击表头可排序。',
    file: '文件',
    status: '状态',
    checked: '已检查',
    unreadableStatus: '无法读取',
    unreadable: (reason) => `无法读取：${reason}`,
    totalScore: '总分',
    grade: '等级',
    errors: '错误',
    warnings: '警告',
    infos: '提示',
    severity: '级别',
    rule: '规则',
    code: '代码',
    sheet: '工作表',
    cell: '单元格',
    message: '说明',
    expected: '应为',
    actual: '实为',
    noFindings: '未发现问题',
    chartLevel1: '一级指标',
    chartRate: '得分率',
  },

  readError: {
    'not-found': '找不到文件',
    'not-workbook': '不是 Excel 工作簿（仅支持 .xlsx 和 .xls）',
    corrupt: '文件已损坏，无法读取',
    encrypted: '文件设有打开密码，请在 Excel 中取消密码后再检查',
    'too-large': '文件过大，超出可检查的上限',
    'empty-file': '文件为空（0 字节）',
  },
  tooManyCells: (limit) => `工作簿超过 ${limit} 个单元格的检查上限；如确需检查，请提高上限（命令行：--max-cells 数量）`,

  profile: {
    notJson: (detail) => `不是有效的 JSON（${detail}）`,
    wrongType: (field, expected) => `字段 ${field} 的类型应为 ${expected}`,
    unknownFields: (fields) => `未知字段 ${fields.join('、')}`,
    tooSmall: (field, minimum) => `字段 ${field} 过小（最小 ${minimum}）`,
    tooBig: (field, maximum) => `字段 ${field} 过大（最大 ${maximum}）`,
    invalid: (field, detail) => `字段 ${field} 无效：${detail}`,
    invalidProfile: '配置无效',
  },

  compare: {
    difference: {
      name: '名称',
      weight: '分值',
      score: '得分',
      'only-self': '仅自评表有',
      'only-review': '仅复核表有',
      grade: '等级',
    },
    total: '总分',
    grade: '等级',
    computed: '（计算）',
  },

  audit: {
    recalcReason: '重新计算：引用的单元格已修改',
    editReason: '现场修改',
    empty: '（空）',
    reviewedSuffix: '（已审核）',
  },
};
