import { defineRule } from './rule';

/**
 * A sheet with figures and nothing recognisable is reported, not guessed at; a sheet with facts (labelled quantities) is
 * recognised, and a sheet of text alone (an 实施方案, review opinions, notes) is no scoring material and left quiet.
 */
export const sheetUnrecognized = defineRule({
  code: 'sheet/unrecognized',
  severity: 'info',
  name: { 'zh-CN': '未识别的工作表', 'en-US': 'Unrecognised sheet' },
  description: {
    'zh-CN': '工作表中未识别出评分表、资金表、问卷表或汇总表',
    'en-US': 'Nothing in the sheet was recognised as a scoring, funds, survey or summary table',
  },
  messages: {
    empty: { 'zh-CN': '工作表“{sheet}”为空', 'en-US': 'Sheet "{sheet}" is empty' },
    unrecognized: {
      'zh-CN': '工作表“{sheet}”中未识别出评分表、资金表、问卷表或汇总表',
      'en-US': 'Nothing in sheet "{sheet}" was recognised as a scoring, funds, survey or summary table',
    },
    noSheets: { 'zh-CN': '工作簿中没有工作表', 'en-US': 'The workbook has no worksheets' },
  },
  check({ snapshot, model, analysis }) {
    if (snapshot.sheets.length === 0) return [{ messageId: 'noSheets', data: {}, sheet: '', cell: 'A1' }];
    const withFacts = new Set(analysis.facts.map((f) => f.figure.sheet));
    return model.sheets
      .filter((sheet) => sheet.tables.length === 0 && !sheet.own && !withFacts.has(sheet.name))
      .flatMap((sheet) => {
        const cells = snapshot.sheets.find((s) => s.name === sheet.name)?.cells ?? [];
        // Text and nothing else (an 实施方案, review opinions, notes) is no scoring material: left quiet.
        if (cells.length > 0 && !cells.some((c) => c.value.type === 'number' || c.formula !== undefined)) return [];
        const count = cells.length;
        return {
          messageId: count === 0 ? ('empty' as const) : ('unrecognized' as const),
          data: { sheet: sheet.name },
          sheet: sheet.name,
          cell: 'A1',
        };
      });
  },
});
