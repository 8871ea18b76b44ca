import { z } from 'zod';

/**
 * The profile: everything a reviewer may change. Defaults come from DOMAIN.md (standard practice, or marked
 * there as believed, which is why they are configurable rather than wired in).
 */
export const ProfileSchema = z
  .object({
    /** Level-1 canonical names and the other names evaluators give them (seed 003: “工作活动”设置 → 决策). */
    level1Aliases: z.record(z.string(), z.array(z.string())).default({
      决策: ['项目决策', '工作活动设置', '活动设置', '立项决策'],
      过程: ['项目过程', '管理', '工作活动管理', '项目管理', '过程管理'],
      产出: ['项目产出', '工作活动产出'],
      效益: ['项目效益', '效果', '工作活动效果', '工作活动效益', '项目效果'],
      满意度: ['满意度', '服务对象满意度'],
      预算执行率: ['预算执行率', '资金执行率'],
    }),
    /** Satisfaction option values, as fractions (seed 003: 非常满意 100%, 满意 90%, 一般 80%, 不满意 0). */
    satisfactionOptionValues: z.record(z.string(), z.number().min(0).max(1)).default({
      非常满意: 1,
      很满意: 1,
      满意: 0.9,
      比较满意: 0.9,
      较满意: 0.9,
      基本满意: 0.8,
      一般: 0.8,
      不满意: 0,
      非常不满意: 0,
      很不满意: 0,
      非常了解: 1,
      比较了解: 0.5,
      一般了解: 0.5,
      了解: 0.5,
      不了解: 0,
      不太了解: 0,
      完全不了解: 0,
    }),
  })
  .strict();

export type Profile = z.infer<typeof ProfileSchema>;

export const DEFAULT_PROFILE: Profile = ProfileSchema.parse({});
