import type { Lang, Severity } from '../core/finding';
import { DEFAULT_MAX_CELLS } from '../file/read-workbook';

const MAX_CELLS = DEFAULT_MAX_CELLS.toLocaleString('en-US');

/** Text of the command line in both languages (Chinese first). */
export const CLI_TEXT = {
  usage: {
    'zh-CN': `用法：
  score-audit check 文件|文件夹|"模式"... [--format text|json|csv|html] [-o 报告] [--jobs N]
                 [--lang zh-CN|en-US] [--profile 配置.json]              检查评分工作簿；文件夹逐层查找 .xlsx/.xls/.xlsm，
                                                                          "reports/**/*.xlsx" 按模式匹配（加引号）；
                                                                          --jobs 同时检查的文件数（默认每核一个）；
                                                                          --together 把各文件作为同一项目的一套表格相互核对
  score-audit inspect 文件 [--format text|json]                           显示识别出的表格与指标树
  score-audit rules [--format text|json]                                  列出全部检查规则
  score-audit fix 文件 -o 输出.xlsx [--correct] [--format text|json]       以公式填写可推算的空白，修改记入“审核记录”表；
                                                                          --correct 同时把算错的合计、比率、等级改为公式
  score-audit revert 输出.xlsx -o 还原.xlsx                                按“审核记录”还原全部修改
  score-audit compare 自评表.xlsx 复核表.xlsx [--format text|json]         比对自评与复核：分值、得分、指标增减、总分和等级的差异
  score-audit --help                                                      显示本帮助
  check、inspect、fix、compare 可加 --max-cells N：单个工作簿最多读取的单元格数（默认 ${MAX_CELLS}），超出则不检查

退出码：0 无错误；1 有错误类发现；2 文件无法读取或参数错误。
compare 的退出码：0 两者一致；1 有差异；2 文件无法读取、参数错误或没有可比对的指标表。`,
    'en-US': `Usage:
  score-audit check FILE|FOLDER|"PATTERN"... [--format text|json|csv|html] [-o REPORT] [--jobs N]
                 [--lang zh-CN|en-US] [--profile PROFILE.json]           check scoring workbooks; a folder is searched for
                                                                         .xlsx/.xls/.xlsm at any depth, "reports/**/*.xlsx"
                                                                         is a pattern (quoted); --jobs files at once (default: one per core);
                                                                         --together reconciles the files as one submission
  score-audit inspect FILE [--format text|json]                          show the recognised tables and indicator tree
  score-audit rules [--format text|json]                                 list every rule
  score-audit fix FILE -o OUT.xlsx [--correct] [--format text|json]      fill derivable blanks with formulas, recorded in 审核记录;
                                                                         --correct also replaces wrong totals, rates and grades by formulas
  score-audit revert OUT.xlsx -o BACK.xlsx                               put back every change 审核记录 records
  score-audit compare SELF.xlsx REVIEW.xlsx [--format text|json]         compare a self-evaluation with its review: weights, scores,
                                                                         indicators added or removed, total and grade
  score-audit --help                                                     show this help
  check, inspect, fix and compare take --max-cells N: the most cells read from one workbook (default ${MAX_CELLS}); larger ones are not checked

Exit codes: 0 no errors; 1 error findings; 2 a file could not be read or the arguments are wrong.
compare exits 0 when the two agree, 1 when they differ, 2 for an unreadable file, wrong arguments or nothing to compare.`,
  },
  ruleOff: { 'zh-CN': '关闭', 'en-US': 'off' },
  unknownCommand: { 'zh-CN': '未知命令：{command}', 'en-US': 'unknown command: {command}' },
  noFiles: { 'zh-CN': '请指定至少一个文件', 'en-US': 'name at least one file' },
  noWorkbooks: { 'zh-CN': '{path}：没有找到工作簿', 'en-US': '{path}: no workbook found' },
  badMaxCells: { 'zh-CN': '--max-cells 须为正整数', 'en-US': '--max-cells must be a positive whole number' },
  badJobs: { 'zh-CN': '--jobs 须为正整数', 'en-US': '--jobs must be a positive whole number' },
  progress: { 'zh-CN': '已检查 {done}/{total}', 'en-US': 'checked {done}/{total}' },
  reportWritten: {
    'zh-CN': '已写入报告 {output}：{count} 个文件',
    'en-US': 'wrote the report {output}: {count} files',
  },
  cannotWrite: { 'zh-CN': '无法写入 {output}（{detail}）', 'en-US': 'cannot write {output} ({detail})' },
  badOption: { 'zh-CN': '参数错误：{detail}', 'en-US': 'bad arguments: {detail}' },
  badFormat: { 'zh-CN': '--format 只能是 {allowed}', 'en-US': '--format must be one of {allowed}' },
  badLang: { 'zh-CN': '--lang 只能是 zh-CN 或 en-US', 'en-US': '--lang must be zh-CN or en-US' },
  fixUsage: {
    'zh-CN': '用法：score-audit fix 文件 -o 输出.xlsx（revert 同）',
    'en-US': 'usage: score-audit fix FILE -o OUT.xlsx (revert likewise)',
  },
  outputNotXlsx: {
    'zh-CN': '输出文件须以 .xlsx 结尾：{command} 写出的是 .xlsx 工作簿（.xls 输入也转存为 .xlsx），请改为 {suggestion}',
    'en-US':
      'the output must end in .xlsx: {command} writes an .xlsx workbook (an .xls input is saved as .xlsx too); use {suggestion}',
  },
  sameOutput: {
    'zh-CN': '输出文件不能与原文件相同：原文件绝不会被修改',
    'en-US': 'the output must not be the input file: the input is never modified',
  },
  convertedFromXls: {
    'zh-CN':
      '原文件为 .xls，已转存为 .xlsx：{output}（保留值、公式、数字格式、合并单元格和工作表，不保留字体边框等样式）',
    'en-US':
      'the input is an .xls; it was saved as .xlsx: {output} (values, formulas, number formats, merges and sheets kept; fonts and borders not)',
  },
  fixed: {
    'zh-CN': '已写入 {output}：修改 {count} 个单元格，记录在“审核记录”表',
    'en-US': 'wrote {output}: {count} cells changed, recorded in the 审核记录 sheet',
  },
  recomputed: {
    'zh-CN': '  另有 {count} 个公式引用了修改的单元格，已按新值重新计算其保存的结果（同样记入“审核记录”）',
    'en-US':
      '  {count} formulas that read the changed cells had their stored results recomputed (also recorded in 审核记录)',
  },
  notRecomputed: {
    'zh-CN': '  {count} 个引用了修改单元格的公式无法在此重新计算（如 {first}），打开文件时由 Excel 重新计算',
    'en-US':
      '  {count} formulas that read the changed cells cannot be recomputed here (e.g. {first}); Excel recalculates them on open',
  },
  reverted: { 'zh-CN': '已写入 {output}：还原 {count} 处修改', 'en-US': 'wrote {output}: {count} changes put back' },
  badProfile: { 'zh-CN': '配置文件 {file} 有误：{message}', 'en-US': 'profile {file} is wrong: {message}' },
  profileNotFound: { 'zh-CN': '找不到或无法读取该文件', 'en-US': 'the file cannot be found or read' },
  unreadable: { 'zh-CN': '{file}：{message}', 'en-US': '{file}: {message}' },
  fileHeader: {
    'zh-CN': '{file}  总分 {total}  等级 {grade}  错误 {errors}  警告 {warnings}  提示 {infos}',
    'en-US': '{file}  total {total}  grade {grade}  errors {errors}  warnings {warnings}  infos {infos}',
  },
  noFindings: { 'zh-CN': '  未发现问题', 'en-US': '  no findings' },
  expectedActual: { 'zh-CN': '（应为 {expected}，实为 {actual}）', 'en-US': ' (expected {expected}, found {actual})' },
  none: { 'zh-CN': '无', 'en-US': 'none' },
  tables: { 'zh-CN': '识别出的表格', 'en-US': 'recognised tables' },
} satisfies Record<string, Record<Lang, string>>;

export const SEVERITY_TEXT: Readonly<Record<Severity, Readonly<Record<Lang, string>>>> = {
  error: { 'zh-CN': '错误', 'en-US': 'error' },
  warning: { 'zh-CN': '警告', 'en-US': 'warning' },
  info: { 'zh-CN': '提示', 'en-US': 'info' },
};
