import { normalizeLabel, parseNumberText, splitLabelWeight, statedResult, stripIndicatorSuffix } from './text';

describe('normalizeLabel', () => {
  it('folds full-width forms, spaces, line breaks and quotes', () => {
    expect(normalizeLabel('“工作活动”设置\n（１５）')).toBe('工作活动设置(15)');
    expect(normalizeLabel('合　计')).toBe('合计');
    expect(stripIndicatorSuffix(normalizeLabel('产出指标'))).toBe('产出');
  });
});

describe('parseNumberText', () => {
  it('reads numbers typed as text', () => {
    expect(parseNumberText('80.88%')).toEqual({ value: 80.88, percent: true, decimals: 2 });
    expect(parseNumberText('２２，３０５')).toEqual({ value: 22305, percent: false, decimals: 0 });
    expect(parseNumberText('70,000.00元')).toEqual({ value: 70000, percent: false, decimals: 2, unit: '元' });
    expect(parseNumberText(' 9分')).toEqual({ value: 9, percent: false, decimals: 0, unit: '分' });
  });
  it('refuses expressions and words', () => {
    expect(parseNumberText('2.81/2.81')).toBeUndefined();
    expect(parseNumberText('≥98%')).toBeUndefined();
    expect(parseNumberText('长期')).toBeUndefined();
    expect(parseNumberText('1,2')).toBeUndefined();
  });
});

describe('splitLabelWeight', () => {
  it('takes the weight out of a label', () => {
    expect(splitLabelWeight('“工作活动”设置 (15)')).toEqual({ name: '“工作活动”设置', weight: 15 });
    expect(splitLabelWeight('工作活动相关性 (9分)')).toEqual({ name: '工作活动相关性', weight: 9 });
    expect(splitLabelWeight('产出指标（50分）')).toEqual({ name: '产出指标', weight: 50 });
    expect(splitLabelWeight('决策')).toEqual({ name: '决策' });
  });
});

describe('statedResult', () => {
  it('reads the value after the last equals sign without evaluating the expression', () => {
    expect(statedResult('2.81/2.81*100%=100%')).toEqual({ value: 100, percent: true, decimals: 0 });
    expect(statedResult('=HYPERLINK("x")')).toBeUndefined();
  });
});
