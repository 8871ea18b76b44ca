import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayWidth } from '../src/cli/text-width';
import { EXIT, helpText, main } from '../src/cli/main';
import { truncatedZip } from './fixtures/bad-files';
import { buildWorkbook, VARIANTS } from './fixtures/build-workbook';
import { seed003 } from './fixtures/seeds/seed003';
import { tempFolder } from './cli-run';

/**
 * The command line as a new user meets it (issue 13): every argument and file error in the user's language with the
 * usage line, --version, fix and revert that never overwrite or write nothing in silence, the batch's total line.
 * Each case asserts the exact lines and the exit code.
 */
const { dir, path } = tempFolder('score-audit-messages-');
const VERSION = (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string })
  .version;
const USAGE_ZH = '用法：score-audit check|fix|revert|compare|inspect|rules …（score-audit --help 查看说明）';
const USAGE_EN = 'Usage: score-audit check|fix|revert|compare|inspect|rules … (score-audit --help explains)';

/** Runs the command line in process with an environment of its own (LANG and friends), capturing its lines. */
async function cli(
  argv: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    out: (t) => out.push(...t.split('\n')),
    err: (t) => err.push(...t.split('\n')),
    env,
  });
  return { code, out, err };
}

beforeAll(async () => {
  const { bytes } = await buildWorkbook(seed003, VARIANTS[2] as (typeof VARIANTS)[number]);
  writeFileSync(path('评分表.xlsx'), bytes);
  writeFileSync(path('评分表（复核）.xlsx'), bytes);
  writeFileSync(path('损坏.xlsx'), truncatedZip(bytes));
}, 60_000);

describe('--version', () => {
  it('prints the package version and exits 0', async () => {
    expect(await cli(['--version'])).toEqual({ code: EXIT.clean, out: [`score-audit ${VERSION}`], err: [] });
    expect(await cli(['-v'])).toEqual({ code: EXIT.clean, out: [`score-audit ${VERSION}`], err: [] });
  });
});

describe('argument errors in the user’s language, with the usage line', () => {
  it('names an unknown option (not Node’s parser text)', async () => {
    expect(await cli(['check', path('评分表.xlsx'), '--bogus'])).toEqual({
      code: EXIT.unusable,
      out: [],
      err: ['未知选项：--bogus', USAGE_ZH],
    });
    expect(await cli(['check', path('评分表.xlsx'), '--bogus', '--lang', 'en-US'])).toEqual({
      code: EXIT.unusable,
      out: [],
      err: ['unknown option: --bogus', USAGE_EN],
    });
  });

  it('names an option without its value, a flag given a value, a missing or unknown command', async () => {
    expect((await cli(['check', path('评分表.xlsx'), '--format'])).err).toEqual(['选项 --format 需要一个值', USAGE_ZH]);
    expect((await cli(['fix', 'a.xlsx', '-o', 'b.xlsx', '--correct=yes'])).err).toEqual([
      '选项 --correct 不带值',
      USAGE_ZH,
    ]);
    expect(await cli([])).toEqual({ code: EXIT.unusable, out: [], err: ['请指定命令', USAGE_ZH] });
    expect(await cli(['chek', 'a.xlsx'])).toEqual({ code: EXIT.unusable, out: [], err: ['未知命令：chek', USAGE_ZH] });
    expect((await cli(['check', 'a.xlsx', '--lang', 'fr'])).err).toEqual(['--lang 只能是 zh-CN 或 en-US', USAGE_ZH]);
  });
});

describe('the language', () => {
  it('comes from --lang, else LC_ALL, LC_MESSAGES or LANG, else Chinese', async () => {
    const bogus = ['check', 'a.xlsx', '--bogus'];
    expect((await cli(bogus, {})).err[0]).toBe('未知选项：--bogus');
    expect((await cli(bogus, { LANG: 'en_US.UTF-8' })).err[0]).toBe('unknown option: --bogus');
    expect((await cli(bogus, { LANG: 'C.UTF-8' })).err[0]).toBe('未知选项：--bogus');
    expect((await cli(bogus, { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).err[0]).toBe('未知选项：--bogus');
    expect((await cli([...bogus, '--lang', 'zh-CN'], { LANG: 'en_GB.UTF-8' })).err[0]).toBe('未知选项：--bogus');
    const english = await cli(['check', path('评分表.xlsx')], { LANG: 'en_US.UTF-8' });
    expect(english.out[0]).toMatch(/ {2}total 93\.36 {2}grade 优 {2}\d+ errors? {2}/);
  });
});

describe('file errors', () => {
  it('says a damaged file is damaged, in one line without an English tail', async () => {
    expect(await cli(['check', path('损坏.xlsx')])).toEqual({
      code: EXIT.unusable,
      out: [],
      err: [`${path('损坏.xlsx')}：文件已损坏，无法读取`],
    });
    expect((await cli(['check', path('损坏.xlsx'), '--lang', 'en-US'])).err).toEqual([
      `${path('损坏.xlsx')}: the file is damaged and cannot be read`,
    ]);
  });

  it('says why fix cannot write its output, never a raw ENOENT', async () => {
    const target = join(dir, 'missing', 'dir', 'x.xlsx');
    expect(await cli(['fix', path('评分表.xlsx'), '-o', target])).toEqual({
      code: EXIT.unusable,
      out: [],
      err: [`无法写入 ${target}：所在文件夹不存在`],
    });
    expect((await cli(['fix', path('评分表.xlsx'), '-o', target, '--lang', 'en-US'])).err).toEqual([
      `cannot write ${target}: its folder does not exist`,
    ]);
  });
});

describe('fix and revert write only what they should', () => {
  it('refuses to overwrite an existing output without --force, and overwrites with it', async () => {
    const out = path('已存在.xlsx');
    writeFileSync(out, 'keep me');
    expect(await cli(['fix', path('评分表.xlsx'), '-o', out])).toEqual({
      code: EXIT.unusable,
      out: [],
      err: [`${out} 已存在；如要覆盖，请加 --force`],
    });
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await cli(['fix', path('评分表.xlsx'), '-o', out, '--force']);
    expect(forced.code).toBe(EXIT.clean);
    expect(forced.out[0]).toBe(`已写入 ${out}：修改 5 个单元格，记录在“审核记录”表`);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('says when there is nothing to fill and writes nothing', async () => {
    const fixed = path('已填写.xlsx');
    expect((await cli(['fix', path('评分表.xlsx'), '-o', fixed])).code).toBe(EXIT.clean);
    const again = path('再次填写.xlsx');
    expect(await cli(['fix', fixed, '-o', again])).toEqual({
      code: EXIT.clean,
      out: [`${fixed}：没有可推算填写的空白，未写入任何文件`],
      err: [],
    });
    expect(existsSync(again)).toBe(false);
    expect((await cli(['fix', fixed, '-o', again, '--lang', 'en-US'])).out).toEqual([
      `${fixed}: no blank can be derived; nothing was written`,
    ]);
  });

  it('refuses to revert a workbook without an audit sheet (exit 2) and writes nothing', async () => {
    const back = path('还原.xlsx');
    expect(await cli(['revert', path('评分表.xlsx'), '-o', back])).toEqual({
      code: EXIT.unusable,
      out: [],
      err: [`${path('评分表.xlsx')} 中没有“审核记录”表，没有可还原的修改，未写入任何文件`],
    });
    expect(existsSync(back)).toBe(false);
  });
});

describe('the help', () => {
  /** The display column where the description starts on each row of a table of the help. */
  function descriptionColumns(text: string, heading: string): number[] {
    const lines = text.split('\n');
    const rows = lines.slice(lines.indexOf(heading) + 1);
    const table = rows.slice(0, rows.indexOf(''));
    return table.map((line) => {
      const match = /^( {2}\S.*?\S) {2,}(\S)/.exec(line);
      if (!match?.[1]) throw new Error(`no description on: ${line}`);
      return (
        displayWidth(match[1]) + (line.slice(match[1].length).length - line.slice(match[1].length).trimStart().length)
      );
    });
  }

  it.each([
    ['zh-CN', '命令：', '选项：'],
    ['en-US', 'Commands:', 'Options:'],
  ] as const)('aligns its descriptions by display width (CJK counts two columns) in %s', (lang, commands, options) => {
    const text = helpText(lang);
    for (const heading of [commands, options]) {
      const columns = descriptionColumns(text, heading);
      expect(columns.length).toBeGreaterThan(3);
      expect(new Set(columns).size).toBe(1);
    }
  });

  it('is printed by --help with exit 0', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(EXIT.clean);
    expect(out.join('\n')).toBe(helpText('zh-CN'));
    expect(out[0]).toBe('用法：score-audit 命令 [选项]');
  });
});

describe('a batch', () => {
  it('ends with one line of totals: files, errors, warnings, infos, unreadable', async () => {
    const files = [path('评分表.xlsx'), path('评分表（复核）.xlsx'), path('损坏.xlsx')];
    const json = JSON.parse(
      (await cli(['check', ...files, '--format', 'json', '--jobs', '1'])).out.join('\n'),
    ) as Array<{
      ok: boolean;
      summary: { errors: number; warnings: number; infos: number };
    }>;
    const sum = (key: 'errors' | 'warnings' | 'infos') => json.reduce((n, entry) => n + entry.summary[key], 0);
    const text = await cli(['check', ...files, '--jobs', '1']);
    expect(text.code).toBe(EXIT.unusable);
    expect(text.out.at(-1)).toBe(
      `共 3 个文件，1 个无法读取；错误 ${sum('errors')}，警告 ${sum('warnings')}，提示 ${sum('infos')}`,
    );
    const english = await cli(['check', files[0] as string, files[1] as string, '--jobs', '1', '--lang', 'en-US']);
    expect(english.out.at(-1)).toBe(
      `2 files; ${sum('errors')} errors, ${sum('warnings') === 1 ? '1 warning' : `${sum('warnings')} warnings`}, ${sum('infos')} infos`,
    );
  });

  it('prints no total line for one file', async () => {
    const { out } = await cli(['check', path('评分表.xlsx')]);
    expect(out.some((line) => line.startsWith('共 '))).toBe(false);
  });
});
