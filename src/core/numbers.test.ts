import { convertAmount, equalAtDecimals, excelRound, excelTruncate, formatNumber, sum } from './numbers';

describe('excelRound', () => {
  it('halves away from zero like Excel ROUND', () => {
    expect(excelRound(93.625, 2)).toBe(93.63);
    expect(excelRound(-93.625, 2)).toBe(-93.63);
    expect(excelRound(1.005, 2)).toBe(1.01);
    expect(excelRound(2.5, 0)).toBe(3);
    expect(excelRound(0.914285714, 4)).toBe(0.9143);
    expect(excelRound((0.93 + 0.955 + 0.925 + 0.935) / 4, 4)).toBe(0.9363);
  });
  it('truncates toward zero like TRUNC', () => {
    expect(excelTruncate(91.42857, 2)).toBe(91.42);
    expect(excelTruncate(-91.42857, 2)).toBe(-91.42);
  });
  it('keeps numbers too large to have decimals (scaling them would overflow to Infinity)', () => {
    expect(excelRound(-1.7e306, 4)).toBe(-1.7e306);
    expect(excelRound(1e308, 2)).toBe(1e308);
    expect(excelTruncate(1e308, 2)).toBe(1e308);
  });
  it('compares at displayed decimals', () => {
    expect(equalAtDecimals(32 / 35, 0.9143, 4)).toBe(true);
    expect(equalAtDecimals(32 / 35, 0.9142, 4)).toBe(false);
  });
});

describe('amounts', () => {
  it('converts 元 and 万元 and sums without binary noise', () => {
    expect(convertAmount(70000, '元', '万元')).toBe(7);
    expect(convertAmount(2.81, '万元', '元')).toBe(28100);
    expect(sum([58080, 9120, 1920, 880])).toBe(70000);
    expect(sum([0.1, 0.2])).toBe(0.3);
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  });
});
