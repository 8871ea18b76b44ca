import { sheetOf, workbookOf } from '../../../test/snapshot-builder';
import { analyze } from '../analysis';
import { ProfileSchema } from '../profile';
import { recognizeWorkbook } from '../recognize';
import { RULES, runRules, severityOf } from './index';
import { defineRule } from './rule';

const planted = defineRule({
  code: 'formula/hardcoded',
  severity: 'warning',
  name: { 'zh-CN': '测试', 'en-US': 'Test' },
  description: { 'zh-CN': '测试规则', 'en-US': 'A test rule' },
  messages: { found: { 'zh-CN': '在 {cell} 发现', 'en-US': 'found at {cell}' } },
  check: () => [{ messageId: 'found', data: { cell: 'B2' }, sheet: '表', cell: 'B2' }],
});

// A message id the rule does not declare fails the build: the directive below fails if the error disappears.
defineRule({
  code: 'formula/hardcoded',
  severity: 'warning',
  name: { 'zh-CN': '测试', 'en-US': 'Test' },
  description: { 'zh-CN': '测试规则', 'en-US': 'A test rule' },
  messages: { found: { 'zh-CN': '发现', 'en-US': 'found' } },
  // @ts-expect-error 'fonud' is not one of the rule's message ids
  check: () => [{ messageId: 'fonud', data: {}, sheet: '表', cell: 'B2' }],
});

function run(profile: unknown, lang: 'zh-CN' | 'en-US' = 'zh-CN') {
  const parsed = ProfileSchema.parse(profile);
  const snapshot = workbookOf(sheetOf('表', [['a', 1]]));
  const { model, grids } = recognizeWorkbook(snapshot, parsed);
  return runRules({ snapshot, grids, model, profile: parsed, analysis: analyze(model, parsed, grids) }, lang, [
    planted,
  ]);
}

describe('the rule contract', () => {
  it('puts a report into the user’s language with the rule’s code and severity', () => {
    expect(run({})).toEqual([
      { code: 'formula/hardcoded', severity: 'warning', sheet: '表', cell: 'B2', message: '在 B2 发现' },
    ]);
    expect(run({}, 'en-US')[0]?.message).toBe('found at B2');
  });

  it('takes the severity the profile sets, ESLint-style, and drops a rule set to off', () => {
    expect(run({ rules: { 'formula/hardcoded': 'error' } })[0]?.severity).toBe('error');
    expect(run({ rules: { 'formula/hardcoded': 'info' } })[0]?.severity).toBe('info');
    expect(run({ rules: { 'formula/hardcoded': 'warn' } })[0]?.severity).toBe('warning');
    expect(run({ rules: { 'formula/hardcoded': 'off' } })).toEqual([]);
    expect(run({ rulesOff: ['formula/hardcoded'] })).toEqual([]);
    // `rules` speaks after the older `rulesOff`.
    expect(run({ rulesOff: ['formula/hardcoded'], rules: { 'formula/hardcoded': 'warn' } })).toHaveLength(1);
  });

  it('refuses a profile that sets an unknown rule or an unknown severity', () => {
    expect(ProfileSchema.safeParse({ rules: { 'formula/hardcode': 'off' } }).success).toBe(false);
    expect(ProfileSchema.safeParse({ rules: { 'formula/hardcoded': 'warning' } }).success).toBe(false);
  });

  it('gives every rule a code of the contract, once, with a name and messages in both languages', () => {
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.name['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.name['en-US']).toMatch(/^[A-Z]/);
      for (const message of Object.values(rule.messages)) {
        expect(message['zh-CN'].length).toBeGreaterThan(0);
        expect(message['en-US'].length).toBeGreaterThan(0);
      }
      expect(severityOf(rule, ProfileSchema.parse({}))).toBe(rule.severity);
    }
  });
});

describe('one cause, one finding: the most specific finding of a cell', () => {
  it('a score above its weight whose standard gives another score is score/range only, not also score/rule', () => {
    const snapshot = workbookOf(
      sheetOf('结论表', [
        ['实际到位资金（B）', 7],
        ['实际支出资金（C）', 7],
      ]),
      sheetOf('评分表', [
        ['一级指标', '二级指标', '评分标准', '分值', '得分'],
        ['过程', '预算执行率', '指标分值=预算执行率*总分', 4, 5],
        [null, '资金使用', '有一项不符合扣1分', 6, 6],
      ]),
    );
    const profile = ProfileSchema.parse({});
    const { model, grids } = recognizeWorkbook(snapshot, profile);
    const findings = runRules({ snapshot, grids, model, profile, analysis: analyze(model, profile, grids) }, 'zh-CN');
    expect(findings.filter((f) => f.cell === 'E2').map((f) => f.code)).toEqual(['score/range']);
  });
});
