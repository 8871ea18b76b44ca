import { CLI_CATALOGS } from '../src/cli/i18n';
import { CORE_CATALOGS } from '../src/core/i18n';
import { STRINGS } from '../src/ui/strings';

/**
 * The message catalogs of the engine and the command line (the pane's have their own test): one module per language,
 * typed by one interface, so a missing or misspelled message fails the type check. Here: every text is there, Chinese
 * in zh-CN and English in en-US, and the severity words are the engine's everywhere.
 */

/** One sample for any argument: a severity word, a count, a list, a file name, a record of totals. */
const SAMPLE = Object.assign(['error'], {
  files: 3,
  unreadable: 1,
  errors: 2,
  warnings: 1,
  infos: 4,
  file: 'X',
  total: '9',
  grade: '优',
});

/** Every text of a catalog with its path: strings, functions called with the sample, nested records and lists. */
function texts(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function')
    return [[path, String((value as (...args: unknown[]) => unknown)(SAMPLE, SAMPLE, SAMPLE, SAMPLE, SAMPLE))]];
  if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => texts(item, path ? `${path}.${key}` : key));
  return [];
}

describe.each([
  ['engine', CORE_CATALOGS],
  ['command line', CLI_CATALOGS],
] as const)('the %s catalog', (_, catalogs) => {
  it('has every text in both languages, none empty', () => {
    const zh = texts(catalogs['zh-CN']);
    const en = texts(catalogs['en-US']);
    expect(en.map(([path]) => path)).toEqual(zh.map(([path]) => path));
    for (const [path, text] of [...zh, ...en]) expect([path, text.trim().length > 0]).toEqual([path, true]);
  });

  it('is Chinese in zh-CN and English in en-US', () => {
    // Arrangements of given words (`X：Y`, `（X）`, a list separator) carry no words of either language.
    const wordless = (text: string) => !/[A-Za-z\u4e00-\u9fff]/.test(text.replace(/error|score-audit/g, ''));
    // The synopsis column of the help is command and option syntax.
    const syntax = (path: string) => /^help\.(commands|options)\[\d+\]\[0\]$/.test(path);
    const notChinese = texts(catalogs['zh-CN']).filter(
      ([path, text]) => !syntax(path) && !wordless(text) && !/[\u4e00-\u9fff]/.test(text),
    );
    expect(notChinese).toEqual([]);
    // English may quote the workbook's own Chinese sheet names (审核记录).
    const notEnglish = texts(catalogs['en-US']).filter(
      ([, text]) => !wordless(text) && !/[A-Za-z]{2}/.test(text.replace(/审核记录|审核报告/g, '')),
    );
    expect(notEnglish).toEqual([]);
  });
});

describe('the severity words', () => {
  it('are defined once, in the engine, and the pane uses them', () => {
    for (const lang of ['zh-CN', 'en-US'] as const) expect(STRINGS[lang].severity).toBe(CORE_CATALOGS[lang].severity);
    expect(CORE_CATALOGS['zh-CN'].severity).toEqual({ error: '错误', warning: '警告', info: '提示' });
  });
});
