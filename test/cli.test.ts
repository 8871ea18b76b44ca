import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { run, tempFolder } from './cli-run';
import { FindingSchema } from '../src/core/finding';
import { EXIT } from '../src/cli/main';
import { encryptedWorkbook, truncatedZip } from './fixtures/bad-files';
import { buildWorkbook, VARIANTS } from './fixtures/build-workbook';
import { seed003 } from './fixtures/seeds/seed003';

const { path } = tempFolder('score-audit-cli-');

beforeAll(async () => {
  const { bytes } = await buildWorkbook(seed003, VARIANTS[2] as (typeof VARIANTS)[number]);
  writeFileSync(path('评分表.xlsx'), bytes);
  writeFileSync(path('broken.xlsx'), truncatedZip(bytes));
  writeFileSync(path('locked.xlsx'), encryptedWorkbook(bytes));
  writeFileSync(path('notes.txt'), 'not a workbook');
});

describe('score-audit check', () => {
  it('prints the contract JSON for each file', async () => {
    const { code, out } = await run('check', path('评分表.xlsx'), '--format', 'json');
    const reports = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(Object.keys(report ?? {}).sort()).toEqual(['file', 'findings', 'ok', 'summary']);
    expect(report).toMatchObject({
      ok: true,
      summary: {
        totalScore: 93.36,
        errors: expect.any(Number),
        warnings: expect.any(Number),
        infos: expect.any(Number),
      },
    });
    for (const finding of report?.findings as unknown[]) expect(FindingSchema.safeParse(finding).success).toBe(true);
    expect(code).toBe((report?.summary as { errors: number }).errors > 0 ? EXIT.errors : EXIT.clean);
  });

  it('gives exit 2 and one line per unreadable file, and ok:false with the error in JSON', async () => {
    const { code, out, err } = await run(
      'check',
      path('评分表.xlsx'),
      path('broken.xlsx'),
      path('locked.xlsx'),
      path('notes.txt'),
      path('missing.xlsx'),
      '--format',
      'json',
    );
    expect(code).toBe(EXIT.unusable);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('取消密码');
    expect(err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace
    const reports = JSON.parse(out) as Array<{ file: string; ok: boolean; error?: string }>;
    expect(reports.map((r) => r.ok)).toEqual([true, false, false, false, false]);
    expect(reports.slice(1).every((r) => typeof r.error === 'string' && r.error.length > 0)).toBe(true);
  });

  it('speaks English with --lang en-US and Chinese by default', async () => {
    const english = await run('check', path('locked.xlsx'), '--lang', 'en-US');
    expect(english.err).toContain('password-protected');
    const chinese = await run('check', path('评分表.xlsx'));
    expect(chinese.out).toContain('总分 93.36');
  });

  it('refuses wrong arguments with exit 2', async () => {
    expect((await run('check')).code).toBe(EXIT.unusable);
    expect((await run('check', path('评分表.xlsx'), '--format', 'xml')).code).toBe(EXIT.unusable);
    expect((await run('check', path('评分表.xlsx'), '--lang', 'fr')).code).toBe(EXIT.unusable);
    expect((await run('frobnicate', 'x')).code).toBe(EXIT.unusable);
    expect((await run('check', '--bogus')).code).toBe(EXIT.unusable);
    const help = await run('--help');
    expect(help.code).toBe(EXIT.clean);
    expect(help.out).toContain('score-audit check');
  });
});

describe('score-audit inspect', () => {
  it('prints the recognised indicator tree with addresses', async () => {
    const { code, out } = await run('inspect', path('评分表.xlsx'));
    expect(code).toBe(EXIT.clean);
    expect(out).toContain('“工作活动”设置@A3 (15)');
    expect(out).toContain('预算执行率@C8 分值 4@F8 得分 —@G8');
  });

  it('prints the model as JSON', async () => {
    const { out } = await run('inspect', path('评分表.xlsx'), '--format', 'json');
    const [entry] = JSON.parse(out) as Array<{
      model: { sheets: Array<{ name: string; tables: Array<{ kind: string }> }> };
    }>;
    expect(entry?.model.sheets.map((s) => [s.name, s.tables.map((t) => t.kind)])).toEqual([
      ['结论表', ['key-values']],
      ['评分表', ['indicators']],
      ['汇总表', ['summary']],
      ['资金情况', ['amounts']],
      ['满意度调查', ['survey']],
    ]);
  });
});

describe('score-audit rules and --profile', () => {
  it('lists every rule with its severity and description, in both languages', async () => {
    const { code, out } = await run('rules', '--format', 'json');
    expect(code).toBe(EXIT.clean);
    const rules = JSON.parse(out) as Array<{ code: string; severity: string; description: string }>;
    expect(rules.map((r) => r.code)).toEqual(
      expect.arrayContaining([
        'weight/children-sum',
        'score/missing',
        'rate/rounding',
        'cross/mismatch',
        'sheet/unrecognized',
      ]),
    );
    expect(rules.every((r) => /[\u4e00-\u9fff]/.test(r.description))).toBe(true);
    const english = await run('rules', '--lang', 'en-US');
    expect(english.out).toContain("Children's weights do not sum to the parent's weight");
  });

  it('switches rules off from a profile', async () => {
    writeFileSync(path('quiet.json'), JSON.stringify({ rulesOff: ['score/missing'] }));
    const loud = JSON.parse((await run('check', path('评分表.xlsx'), '--format', 'json')).out) as Array<{
      findings: Array<{ code: string }>;
    }>;
    const quiet = JSON.parse(
      (await run('check', path('评分表.xlsx'), '--format', 'json', '--profile', path('quiet.json'))).out,
    ) as Array<{ findings: Array<{ code: string }> }>;
    expect(loud[0]?.findings.some((f) => f.code === 'score/missing')).toBe(true);
    expect(quiet[0]?.findings.some((f) => f.code === 'score/missing')).toBe(false);
  });

  it('sets each rule’s severity from a profile, as ESLint does, and lists the result with each rule’s name', async () => {
    writeFileSync(
      path('severity.json'),
      JSON.stringify({ rules: { 'score/missing': 'warn', 'weight/policy': 'off' } }),
    );
    const rules = JSON.parse(
      (await run('rules', '--format', 'json', '--profile', path('severity.json'))).out,
    ) as Array<{
      code: string;
      name: string;
      severity: string;
    }>;
    expect(rules.find((r) => r.code === 'score/missing')).toMatchObject({ name: '未填得分', severity: 'warning' });
    expect(rules.find((r) => r.code === 'weight/policy')?.severity).toBe('off');
    expect(rules.find((r) => r.code === 'score/range')?.severity).toBe('error');
    const text = (await run('rules', '--profile', path('severity.json'))).out.split('\n');
    expect(text.find((line) => line.startsWith('weight/policy'))).toMatch(/^weight\/policy\s+关闭\s+权重设置\s+/);
    const checked = JSON.parse(
      (await run('check', path('评分表.xlsx'), '--format', 'json', '--profile', path('severity.json'))).out,
    ) as Array<{ findings: Array<{ code: string; severity: string }> }>;
    expect(checked[0]?.findings.find((f) => f.code === 'score/missing')?.severity).toBe('warning');
    writeFileSync(path('unknown-rule.json'), JSON.stringify({ rules: { 'score/mising': 'off' } }));
    const unknown = await run('rules', '--profile', path('unknown-rule.json'));
    expect(unknown.code).toBe(EXIT.unusable);
    expect(unknown.err).toContain('score/mising');
  });

  it('refuses a bad profile with exit 2 and a message naming the field', async () => {
    writeFileSync(path('bad.json'), JSON.stringify({ grades: [{ grade: '优', min: '90' }] }));
    const bad = await run('check', path('评分表.xlsx'), '--profile', path('bad.json'));
    expect(bad.code).toBe(EXIT.unusable);
    expect(bad.err).toContain('grades[0].min');
    writeFileSync(path('typo.json'), JSON.stringify({ gardes: [] }));
    const typo = await run('check', path('评分表.xlsx'), '--profile', path('typo.json'), '--lang', 'en-US');
    expect(typo.err).toContain('unknown field gardes');
    expect((await run('check', path('评分表.xlsx'), '--profile', path('missing.json'))).code).toBe(EXIT.unusable);
  });
});

describe('score-audit fix and revert', () => {
  it('writes OUT, never FILE, lists the changes, and revert puts them back', async () => {
    const before = readFileSync(path('评分表.xlsx'));
    const fixed = await run('fix', path('评分表.xlsx'), '-o', path('fixed.xlsx'), '--format', 'json');
    expect(fixed.code).toBe(EXIT.clean);
    const report = JSON.parse(fixed.out) as {
      changes: Array<{ sheet: string; cell: string; formula: string; code: string }>;
    };
    expect(report.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sheet: '评分表',
          cell: 'G8',
          code: 'score/missing',
          formula: expect.stringMatching(/^=MIN\(1,/),
        }),
      ]),
    );
    expect(readFileSync(path('评分表.xlsx')).equals(before)).toBe(true);
    const check = JSON.parse((await run('check', path('fixed.xlsx'), '--format', 'json')).out) as Array<{
      findings: Array<{ code: string }>;
    }>;
    expect(check[0]?.findings.some((f) => f.code === 'score/missing')).toBe(false);
    const back = await run('revert', path('fixed.xlsx'), '-o', path('back.xlsx'));
    expect(back.code).toBe(EXIT.clean);
    expect(back.out).toContain(`还原 ${report.changes.length} 处修改`);
  });

  it('refuses to overwrite its input and needs -o', async () => {
    const same = await run('fix', path('评分表.xlsx'), '-o', path('评分表.xlsx'));
    expect(same.code).toBe(EXIT.unusable);
    expect(same.err).toContain('原文件绝不会被修改');
    expect((await run('fix', path('评分表.xlsx'))).code).toBe(EXIT.unusable);
    expect((await run('fix', path('broken.xlsx'), '-o', path('x.xlsx'))).code).toBe(EXIT.unusable);
  });

  it('refuses an output that is not named .xlsx, in the user’s language, and writes nothing', async () => {
    for (const [name, lang, message] of [
      ['out.xls', 'zh-CN', '输出文件须以 .xlsx 结尾'],
      ['out.xlsm', 'en-US', 'the output must end in .xlsx'],
      ['out', 'zh-CN', '输出文件须以 .xlsx 结尾'],
    ] as const) {
      const result = await run('fix', path('评分表.xlsx'), '-o', path(name), '--lang', lang);
      expect(result.code).toBe(EXIT.unusable);
      expect(result.out).toBe('');
      expect(result.err.trim().split('\n')).toHaveLength(1);
      expect(result.err).toContain(message);
      expect(result.err).toContain(path(name.replace(/\.\w+$/, '') + '.xlsx'));
      expect(existsSync(path(name))).toBe(false);
    }
    expect((await run('fix', path('评分表.xlsx'), '-o', path('OUT.XLSX'))).code).toBe(EXIT.clean);
    expect((await run('revert', path('OUT.XLSX'), '-o', path('back.xls'))).code).toBe(EXIT.unusable);
  });
});
