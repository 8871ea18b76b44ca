import { DEFAULT_PROFILE } from '../core/profile';
import { fromDraft, toDraft, validateDraft } from './profile-draft';

describe('settings draft', () => {
  it('round-trips the default profile unchanged', () => {
    const result = validateDraft(toDraft(DEFAULT_PROFILE), 'zh-CN');
    expect(result).toEqual({ ok: true, profile: DEFAULT_PROFILE });
  });

  it('reads the text lists: option values as fractions or percentages, aliases split on Chinese and Latin commas', () => {
    const draft = toDraft(DEFAULT_PROFILE);
    draft.optionValues = '非常满意 = 1\n满意：90%\n\n一般=0.8\n不满意: 0';
    draft.level1Aliases = '决策：项目决策、工作活动设置\n过程: 管理, 项目管理；过程管理';
    draft.grades = [
      { grade: '优秀', min: '85', aliases: [] },
      { grade: '合格', min: '0', aliases: [] },
    ];
    draft.scoreDecimals = ' 1 ';
    const result = validateDraft(draft, 'zh-CN');
    if (!result.ok) throw new Error(result.error);
    expect(result.profile.satisfactionOptionValues).toEqual({ 非常满意: 1, 满意: 0.9, 一般: 0.8, 不满意: 0 });
    expect(result.profile.level1Aliases).toEqual({
      决策: ['项目决策', '工作活动设置'],
      过程: ['管理', '项目管理', '过程管理'],
    });
    expect(result.profile.grades.map((g) => [g.grade, g.min])).toEqual([
      ['优秀', 85],
      ['合格', 0],
    ]);
    expect(result.profile.scoreDecimals).toBe(1);
    // Fields the panel does not show are carried through.
    expect(result.profile.selfEvaluationWeights).toEqual(DEFAULT_PROFILE.selfEvaluationWeights);
  });

  it('names the wrong field in the user’s language', () => {
    const draft = toDraft(DEFAULT_PROFILE);
    draft.grades[0] = { grade: '优', min: 'ninety', aliases: [] };
    expect(validateDraft(draft, 'zh-CN')).toEqual({ ok: false, error: '字段 grades[0].min 的类型应为 number' });
    expect(validateDraft(draft, 'en-US')).toEqual({ ok: false, error: 'field grades[0].min must be of type number' });

    const options = toDraft(DEFAULT_PROFILE);
    options.optionValues = '满意 = 1.5';
    expect(validateDraft(options, 'zh-CN')).toEqual({
      ok: false,
      error: '字段 satisfactionOptionValues.满意 过大（最大 1）',
    });

    const empty = toDraft(DEFAULT_PROFILE);
    empty.grades = [];
    expect(validateDraft(empty, 'en-US')).toEqual({ ok: false, error: 'field grades is too small (minimum 1)' });
  });

  it('keeps a line without a value as a problem rather than dropping it', () => {
    const draft = toDraft(DEFAULT_PROFILE);
    draft.optionValues = '满意';
    expect(fromDraft(draft).satisfactionOptionValues).toEqual({ 满意: '' });
    expect(validateDraft(draft, 'zh-CN').ok).toBe(false);
  });
});
