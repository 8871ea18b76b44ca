import { parseStandard, rateKindOf, type ScoringStandard } from './parse-standard';

/** Seed 003 annex 评价标准 texts, verbatim, with the weight each is printed beside. */
const SEED_003 = {
  政策相关性: {
    weight: 3,
    standard: '工作活动符合政府战略部署和发展规划，宏观政策、行业政策一致。有一项不符合扣1分，扣完为止。',
  },
  部门职责相关性: { weight: 3, standard: '工作活动与部门职责、工作规划和重点工作相关。有一项不符合扣1分，扣完为止。' },
  预算项目相关性: {
    weight: 3,
    standard: '工作活动项下确定的预算项目合理，与工作活动密切相关，得1分；工作活动和项目预算安排合理，得2分。',
  },
  绩效目标设立科学性: {
    weight: 3,
    standard:
      '工作活动有明确的绩效目标，得1分；绩效目标与部门职责目标、部门年度工作目标一致，得1分；绩效目标能体现工作活动的产出和效果，得1分。',
  },
  绩效指标设立科学性: {
    weight: 3,
    standard: '绩效指标设置能准确反映活动目标完成情况，得2分；细化量化，可衡量，得1分。',
  },
  预算执行率: { weight: 4, standard: '指标分值=预算执行率*总分' },
  资金支出进度: { weight: 4, standard: '按照规定（计划）足额拨付得4分，每少拨付25%扣1分，扣完为止。' },
  资金使用规范性: {
    weight: 7,
    standard:
      '资金拨付手续完整，符合预算和国库管理有关规定，得3分；资金使用符合《预算法》等法律、法规、财务管理制度和资金管理方法规定的，得4分。',
  },
  管理制度健全性: {
    weight: 6,
    standard:
      '部门制定了实施方案、管理制度和措施（包括财务制度），得3分；各项方案和制度措施明确、清晰、具有可操作性，得3分。',
  },
  过程控制有效性: {
    weight: 4,
    standard: '保障工作活动实施、资金安全的各项制度措施得到有效落实，得2分，有风险应对措施，得2分。',
  },
  退休人员社会化管理数量: {
    weight: 10,
    standard:
      '根据工作活动和具体产出指标设定每一项产出数量完成率的分值。完成率为100%的，得该项产出分值的满分；完成率为90%至100%的，得该项产出分值的90%；完成率为80%至90%的，得该项产出分值的80%；完成率为70%至80%的，得该项产出分值的60%；完成率低于70%的，不得分。',
  },
  工作规范程度: {
    weight: 10,
    standard: '国有企业的退休人员退休工作与社会化管理工作未脱节，得5分；相应的业务流程规范，得5分。',
  },
  项目资金预算成本: {
    weight: 10,
    standard: '实际支出在项目预算金额内的，得10分；超出项目预算金额1%，扣分值的20%，扣完为止。',
  },
  退休人员基本生活诉求: {
    weight: 10,
    standard: '能够解决国有企业退休人员基本生活诉求的，得满分，部分未解决的，根据实际情况酌情扣分。',
  },
  可持续影响: {
    weight: 10,
    standard:
      '针对生活困难的国有企业退休人员，建立了救助帮扶机制或办法，得5分；项目后期监管保障工作有专人负责落实得5分。',
  },
  受益群体满意度: { weight: 10, standard: '满意度调查得分*本项分值' },
} as const;

describe('parseStandard on the seed 003 standards', () => {
  it('reads 预算执行率 and 满意度 as rate × weight', () => {
    expect(parseStandard(SEED_003.预算执行率.standard)).toEqual({
      kind: 'rate-times-weight',
      rate: 'budget-execution',
      rateName: '预算执行率',
    });
    expect(parseStandard(SEED_003.受益群体满意度.standard)).toEqual({
      kind: 'rate-times-weight',
      rate: 'satisfaction',
      rateName: '满意度调查得分',
    });
  });

  it('reads the 数量指标 tiers with shared boundaries going to the higher tier', () => {
    expect(parseStandard(SEED_003.退休人员社会化管理数量.standard)).toEqual({
      kind: 'tiered',
      rate: 'completion',
      tiers: [
        { min: 1, max: 1, minInclusive: true, maxInclusive: true, share: 1 },
        { min: 0.9, max: 1, minInclusive: true, maxInclusive: false, share: 0.9 },
        { min: 0.8, max: 0.9, minInclusive: true, maxInclusive: false, share: 0.8 },
        { min: 0.7, max: 0.8, minInclusive: true, maxInclusive: false, share: 0.6 },
        { min: 0, max: 0.7, minInclusive: true, maxInclusive: false, share: 0 },
      ],
    });
  });

  it('reads the cost standard as an overrun rule and the spending-progress one as shortfall steps', () => {
    expect(parseStandard(SEED_003.项目资金预算成本.standard)).toEqual({
      kind: 'overrun',
      stepPercent: 1,
      deductShare: 0.2,
    });
    expect(parseStandard(SEED_003.资金支出进度.standard)).toEqual({
      kind: 'shortfall-steps',
      stepPercent: 25,
      deductPoints: 1,
    });
  });

  it('reads rule lists as deductions needing judgement', () => {
    expect(parseStandard(SEED_003.政策相关性.standard)).toEqual({ kind: 'deductions', perItem: 1 });
    expect(parseStandard(SEED_003.部门职责相关性.standard)).toEqual({ kind: 'deductions', perItem: 1 });
    expect(parseStandard(SEED_003.退休人员基本生活诉求.standard)).toEqual({ kind: 'deductions' });
    expect(parseStandard(SEED_003.绩效目标设立科学性.standard)).toEqual({ kind: 'deductions', partPoints: [1, 1, 1] });
  });

  it('lists 得X分 parts that add up to the printed weight of every seed rule list', () => {
    const ruleLists = Object.entries(SEED_003).filter(
      ([, { standard }]) => parseStandard(standard).kind === 'deductions',
    );
    const checked = ruleLists.filter(([, { standard }]) => {
      const parsed = parseStandard(standard);
      return parsed.kind === 'deductions' && parsed.partPoints !== undefined;
    });
    expect(checked.map(([name]) => name)).toEqual([
      '预算项目相关性',
      '绩效目标设立科学性',
      '绩效指标设立科学性',
      '资金使用规范性',
      '管理制度健全性',
      '过程控制有效性',
      '工作规范程度',
      '可持续影响',
    ]);
    for (const [, { weight, standard }] of checked) {
      const parsed = parseStandard(standard);
      const parts = parsed.kind === 'deductions' ? (parsed.partPoints ?? []) : [];
      expect(parts.reduce((total, part) => total + part, 0)).toBe(weight);
    }
  });
});

describe('parseStandard: rate × weight', () => {
  it.each([
    ['得分=预算执行率×分值', 'budget-execution', '预算执行率'],
    ['得分 = 预算执行率 ＊ 分值', 'budget-execution', '预算执行率'],
    ['得分=实际完成率×分值', 'completion', '实际完成率'],
    ['得分＝实际完成率ｘ分值', 'completion', '实际完成率'],
    ['得分=补助发放准确率·权重', 'accuracy', '补助发放准确率'],
    ['按满意度得分率计算得分', 'satisfaction', '满意度得分率'],
    ['按照资金到位率计算', 'other', '资金到位率'],
    ['分值×(满意度)', 'satisfaction', '满意度'],
  ])('%s', (text, rate, rateName) => {
    expect(parseStandard(text)).toEqual({ kind: 'rate-times-weight', rate, rateName });
  });

  it('does not take a definition ×100% or a mixed rule for rate × weight', () => {
    expect(parseStandard('预算执行率=（实际支出资金/实际到位资金）×100%').kind).toBe('unknown');
    expect(parseStandard('满意度≥90%得满分，否则按满意度×分值计算').kind).not.toBe('rate-times-weight');
    expect(parseStandard('Excel导出').kind).toBe('unknown');
  });
});

describe('parseStandard: tiers', () => {
  it('honours （含）marks, full-width digits and percent signs', () => {
    const text =
      '完成率１００％的，得满分；完成率在９０％（含）—１００％的，得分值的９０％；完成率在８０％（含）－９０％的，得分值的８０％；低于８０％的，不得分';
    expect(parseStandard(text)).toEqual({
      kind: 'tiered',
      rate: 'completion',
      tiers: [
        { min: 1, max: 1, minInclusive: true, maxInclusive: true, share: 1 },
        { min: 0.9, max: 1, minInclusive: true, maxInclusive: false, share: 0.9 },
        { min: 0.8, max: 0.9, minInclusive: true, maxInclusive: false, share: 0.8 },
        { min: 0, max: 0.8, minInclusive: true, maxInclusive: false, share: 0 },
      ],
    });
  });

  it('keeps points when the tiers give points; an explicit （含） upper bound pushes the shared boundary up', () => {
    expect(parseStandard('满意度90%以上得满分，80%-90%（含）得8分，低于80%得5分')).toEqual({
      kind: 'tiered',
      rate: 'satisfaction',
      tiers: [
        { min: 0.9, minInclusive: false, maxInclusive: false, share: 1 },
        { min: 0.8, max: 0.9, minInclusive: true, maxInclusive: true, points: 8 },
        { min: 0, max: 0.8, minInclusive: true, maxInclusive: false, points: 5 },
      ],
    });
  });

  it('reads comparison forms such as 90%≤完成率<100% and 高于 / 不低于', () => {
    const parsed = parseStandard(
      '90%≤完成率<100%，得分值的90%；完成率不低于100%，得满分；完成率高于0%且不足90%，按50%计分',
    );
    expect(parsed).toEqual({
      kind: 'tiered',
      rate: 'completion',
      tiers: [
        { min: 0.9, max: 1, minInclusive: true, maxInclusive: false, share: 0.9 },
        { min: 1, minInclusive: true, maxInclusive: false, share: 1 },
        { min: 0, max: 0.9, minInclusive: false, maxInclusive: false, share: 0.5 },
      ],
    });
  });

  it('does not read 未达到 / 不超过 as 达到 / 超过', () => {
    expect(parseStandard('完成率达到100%的，得满分；未达到100%的，得分值的50%')).toEqual({
      kind: 'tiered',
      rate: 'completion',
      tiers: [
        { min: 1, minInclusive: true, maxInclusive: false, share: 1 },
        { min: 0, max: 1, minInclusive: true, maxInclusive: false, share: 0.5 },
      ],
    });
    const ceiling = parseStandard('完成率不超过50%的，不得分；完成率高于50%的，得满分');
    expect(ceiling.kind === 'tiered' && ceiling.tiers[0]).toEqual({
      min: 0,
      max: 0.5,
      minInclusive: true,
      maxInclusive: true,
      share: 0,
    });
  });

  it('needs at least two tiers and an award for every condition', () => {
    expect(parseStandard('完成率100%得满分').kind).not.toBe('tiered');
    expect(parseStandard('完成率100%的，完成率90%的，得满分；低于90%不得分').kind).not.toBe('tiered');
  });
});

describe('parseStandard: overrun and shortfall', () => {
  it('reads points per step over budget', () => {
    expect(parseStandard('不超支得满分，每超支1%扣0.5分')).toEqual({
      kind: 'overrun',
      stepPercent: 1,
      deductPoints: 0.5,
    });
    expect(parseStandard('超出预算５％，扣分值的５０％')).toEqual({
      kind: 'overrun',
      stepPercent: 5,
      deductShare: 0.5,
    });
  });

  it('does not read a satisfaction 超过 as an overrun', () => {
    expect(parseStandard('满意度超过90%，扣1分').kind).not.toBe('overrun');
  });

  it('takes the spending plan when the text gives one', () => {
    expect(
      parseStandard('按计划拨付（3月底25%、6月底50%、10月底75%、12月底100%），每少拨付25%扣1分，扣完为止'),
    ).toEqual({
      kind: 'shortfall-steps',
      stepPercent: 25,
      deductPoints: 1,
      plan: [
        { label: '3月底', percent: 25 },
        { label: '6月底', percent: 50 },
        { label: '10月底', percent: 75 },
        { label: '12月底', percent: 100 },
      ],
    });
  });
});

describe('parseStandard: anything else', () => {
  it('is unknown for headers, empty cells and free text', () => {
    for (const text of ['评价标准', '', '   ', '根据实际情况评价', '100%'])
      expect(parseStandard(text)).toEqual({ kind: 'unknown' });
  });

  it('never throws on odd input', () => {
    const odd: unknown[] = [
      '×××',
      '得分=×分值',
      '%%%得%分',
      '每少%扣分',
      '超出预算%扣分值的%',
      '完成率(含)—%的，得满分',
      '得'.repeat(5000) + '分',
      '9'.repeat(400) + '%至' + '9'.repeat(400) + '%得满分；低于1%不得分',
      '\u0000\uffff\ud800',
      '=SUM(A1:A3)',
      'constructor',
      '__proto__',
      null,
      undefined,
      42,
    ];
    for (const text of odd) {
      const parsed: ScoringStandard = parseStandard(text as string);
      expect(['rate-times-weight', 'tiered', 'overrun', 'shortfall-steps', 'deductions', 'unknown']).toContain(
        parsed.kind,
      );
    }
    expect(parseStandard(null as unknown as string)).toEqual({ kind: 'unknown' });
  });
});

describe('rateKindOf', () => {
  it('classifies rate names', () => {
    expect(rateKindOf('预算执行率')).toBe('budget-execution');
    expect(rateKindOf('群众满意度')).toBe('satisfaction');
    expect(rateKindOf('实际完成率')).toBe('completion');
    expect(rateKindOf('发放准确率')).toBe('accuracy');
    expect(rateKindOf('资金到位率')).toBe('other');
  });
});
