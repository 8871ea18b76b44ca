import { DEFAULT_MAX_CELLS } from '../../file/read-workbook';
import type { CliCatalog } from './catalog';

const MAX_CELLS = DEFAULT_MAX_CELLS.toLocaleString('en-US');

export const zhCN: CliCatalog = {
  help: {
    usage: '用法：score-audit 命令 [选项]',
    commandsHeading: '命令：',
    commands: [
      [
        'check 文件|文件夹|"模式"...',
        '检查评分工作簿（.xlsx、.xls）；文件夹逐层查找，"reports/**/*.xlsx" 按模式匹配（加引号）',
      ],
      ['fix 文件 -o 输出.xlsx', '以公式填写可推算的空白，每处修改记入“审核记录”表；原文件不变'],
      ['revert 输出.xlsx -o 还原.xlsx', '按“审核记录”表还原 fix 的全部修改'],
      ['compare 自评表.xlsx 复核表.xlsx', '比对自评与复核：分值、得分、指标增减、总分和等级'],
      ['inspect 文件', '显示识别出的表格与指标树'],
      ['rules', '列出全部检查规则（代码、名称、级别、说明）'],
    ],
    optionsHeading: '选项：',
    options: [
      ['--format text|json|csv|html', '输出格式（csv、html 仅用于 check）'],
      ['-o, --output 文件', 'check：报告写入文件；fix、revert：输出的工作簿'],
      ['--correct', 'fix：同时把算错的合计、比率、等级改为公式'],
      ['--force', 'fix、revert：覆盖已存在的输出文件'],
      ['-j, --jobs N', 'check：同时检查的文件数（默认每核一个）'],
      ['--together', 'check：把各文件作为同一项目的一套表格相互核对'],
      ['--lang zh-CN|en-US', '语言（默认按环境变量 LC_ALL、LANG，否则中文）'],
      ['--profile 配置.json', '等级标准、小数位数等配置'],
      ['--max-cells N', `单个工作簿最多读取的单元格数（默认 ${MAX_CELLS}），超出则不检查`],
      ['-v, --version', '显示版本'],
      ['-h, --help', '显示本帮助'],
    ],
    notes: [
      '退出码：0 无错误；1 有错误类发现；2 文件无法读取或参数错误。',
      'compare 的退出码：0 两者一致；1 有差异；2 文件无法读取、参数错误或没有可比对的指标表。',
    ],
  },
  usageLine: '用法：score-audit check|fix|revert|compare|inspect|rules …（score-audit --help 查看说明）',
  version: (version) => `score-audit ${version}`,

  unknownOption: (option) => `未知选项：${option}`,
  missingValue: (option) => `选项 ${option} 需要一个值`,
  unexpectedValue: (option) => `选项 ${option} 不带值`,
  noCommand: '请指定命令',
  unknownCommand: (command) => `未知命令：${command}`,
  noFiles: '请指定至少一个文件',
  badFormat: (allowed) => `--format 只能是 ${allowed}`,
  badLang: '--lang 只能是 zh-CN 或 en-US',
  badMaxCells: '--max-cells 须为正整数',
  badJobs: '--jobs 须为正整数',
  fixUsage: '用法：score-audit fix 文件 -o 输出.xlsx [--correct] [--force]',
  revertUsage: '用法：score-audit revert 输出.xlsx -o 还原.xlsx [--force]',
  compareUsage: '用法：score-audit compare 自评表.xlsx 复核表.xlsx [--format text|json]',
  sameOutput: '输出文件不能与原文件相同：原文件绝不会被修改',
  outputNotXlsx: (command, suggestion) =>
    `输出文件须以 .xlsx 结尾：${command} 写出的是 .xlsx 工作簿（.xls 输入也转存为 .xlsx），请改为 ${suggestion}`,
  outputExists: (output) => `${output} 已存在；如要覆盖，请加 --force`,
  cannotWrite: (output, reason) => `无法写入 ${output}：${reason}`,
  writeReason: {
    noFolder: '所在文件夹不存在',
    denied: '没有写入权限',
    isFolder: '这是一个文件夹',
    diskFull: '磁盘空间不足',
    other: '写入失败',
  },

  noWorkbooks: (path) => `${path}：没有找到工作簿`,
  unreadable: (file, reason) => `${file}：${reason}`,
  badProfile: (file, reason) => `配置文件 ${file} 有误：${reason}`,
  profileNotFound: '找不到或无法读取该文件',

  progress: (done, total) => `已检查 ${done}/${total}`,
  fileHeader: (h) =>
    `${h.file}  总分 ${h.total}  等级 ${h.grade}  错误 ${h.errors}  警告 ${h.warnings}  提示 ${h.infos}`,
  noFindings: '未发现问题',
  valuesNote: (values) => `（${values}）`,
  reportWritten: (output, files) => `已写入报告 ${output}：${files} 个文件`,

  convertedFromXls: (output) =>
    `原文件为 .xls，已转存为 .xlsx：${output}（保留值、公式、数字格式、合并单元格和工作表，不保留字体边框等样式）`,
  fixed: (output, cells) => `已写入 ${output}：修改 ${cells} 个单元格，记录在“审核记录”表`,
  recomputed: (count) => `  另有 ${count} 个公式引用了修改的单元格，已按新值重新计算其保存的结果（同样记入“审核记录”）`,
  notRecomputed: (count, first) =>
    `  ${count} 个引用了修改单元格的公式无法在此重新计算（如 ${first}），打开文件时由 Excel 重新计算`,
  nothingToFix: (file, correct) =>
    `${file}：没有可推算填写的空白${correct ? '，也没有可修正的值' : ''}，未写入任何文件`,
  reverted: (output, changes) => `已写入 ${output}：还原 ${changes} 处修改`,
  noAuditSheet: (file) => `${file} 中没有“审核记录”表，没有可还原的修改，未写入任何文件`,

  compare: {
    noTable: (files) => `无法比对：${files} 中未识别出指标表或汇总表`,
    self: '自评表',
    review: '复核表',
    side: (side, file, table, total, grade) => `${side}：${file}  ${table}  总分 ${total}  等级 ${grade}`,
    agree: (byName, byPosition) =>
      `两份文件一致，未发现差异（按名称配对 ${byName} 个指标，按位置配对 ${byPosition} 个）`,
    differ: (count, byName, byPosition) =>
      `差异 ${count} 处（按名称配对 ${byName} 个指标，按位置配对 ${byPosition} 个）`,
    headings: ['指标', '项目', '自评', '复核', '差异（复核−自评）', '自评单元格', '复核单元格'],
    listSeparator: '、',
  },

  rulesHeadings: ['代码', '级别', '名称', '检查内容'],

  inspect: {
    weight: '分值',
    score: '得分',
    rate: '得分率',
    fullYearBudget: '全年预算数',
    executed: '全年执行数',
    result: '结果',
    duePersons: '应发人数',
    paidPersons: '实发人数',
    dueAmount: '应发金额',
    paidAmount: '实发金额',
    targetValue: '指标值',
    facts: '数据项',
  },
};
