import type { Result } from '../core/result';
import type { Lang } from '../core/finding';
import { FindingCodeSchema, type FindingCode } from '../core/finding';
import { parseProfile, ProfileSchema, type Profile, type RuleSetting } from '../core/profile';

const isFindingCode = (code: string): code is FindingCode => FindingCodeSchema.safeParse(code).success;

/**
 * The settings panel's editable copy of a profile: numbers as typed text, option values and level-1 aliases as
 * text lists (one entry a line). Fields the panel does not show are carried through from `base` unchanged.
 */
export interface ProfileDraft {
  grades: Array<{ grade: string; min: string; aliases: string[] }>;
  rateDecimals: string;
  scoreDecimals: string;
  /** One option a line: `满意 = 0.9` (a fraction, or a percentage such as 90%). */
  optionValues: string;
  /** One level-1 name a line: `决策：项目决策、工作活动设置`. */
  level1Aliases: string;
  /** Severity per rule the user set; a rule not listed keeps its own. */
  rules: Partial<Record<FindingCode, RuleSetting>>;
  base: Profile;
}

export function toDraft(profile: Profile): ProfileDraft {
  return {
    grades: profile.grades.map((g) => ({ grade: g.grade, min: String(g.min), aliases: [...g.aliases] })),
    rateDecimals: String(profile.rateDecimals),
    scoreDecimals: String(profile.scoreDecimals),
    optionValues: Object.entries(profile.satisfactionOptionValues)
      .map(([option, value]) => `${option} = ${value}`)
      .join('\n'),
    level1Aliases: Object.entries(profile.level1Aliases)
      .map(([name, aliases]) => `${name}：${aliases.join('、')}`)
      .join('\n'),
    // The older list of rules switched off becomes `off` settings: the drawer shows one control a rule.
    rules: {
      ...Object.fromEntries(profile.rulesOff.flatMap((code) => (isFindingCode(code) ? [[code, 'off']] : []))),
      ...profile.rules,
    },
    base: profile,
  };
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** A number when the text is one; otherwise the text itself, so validation names the field that is wrong. */
function numberOrText(text: string): number | string {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : text;
}

function optionValue(text: string): number | string {
  const t = text.trim();
  const percent = /^(.*?)\s*[%％]$/.exec(t);
  if (percent && NUMBER.test((percent[1] ?? '').trim())) return Number((percent[1] ?? '').trim()) / 100;
  return numberOrText(t);
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Splits `key sep rest` at the first separator; a line without one is all key. */
function splitLine(line: string, separators: RegExp): [string, string | undefined] {
  const match = separators.exec(line);
  if (!match) return [line.trim(), undefined];
  return [line.slice(0, match.index).trim(), line.slice(match.index + match[0].length).trim()];
}

/** The profile the draft describes, before validation (wrong numbers stay text so the schema reports them). */
export function fromDraft(draft: ProfileDraft): Record<string, unknown> {
  const optionValues: Record<string, number | string> = {};
  for (const line of lines(draft.optionValues)) {
    const [option, value] = splitLine(line, /[=:：]/);
    optionValues[option] = optionValue(value ?? '');
  }
  const aliases: Record<string, string[]> = {};
  for (const line of lines(draft.level1Aliases)) {
    const [name, rest] = splitLine(line, /[:：=]/);
    aliases[name] = (rest ?? '')
      .split(/[,，、;；]/)
      .map((a) => a.trim())
      .filter((a) => a.length > 0);
  }
  return {
    ...draft.base,
    grades: draft.grades.map((g) => ({ grade: g.grade.trim(), min: numberOrText(g.min), aliases: g.aliases })),
    rateDecimals: numberOrText(draft.rateDecimals),
    scoreDecimals: numberOrText(draft.scoreDecimals),
    satisfactionOptionValues: optionValues,
    level1Aliases: aliases,
    rules: { ...draft.rules },
    rulesOff: [],
  };
}

export type DraftResult = Result<{ profile: Profile }, string>;

/** Validates the draft with the profile schema; a problem comes back as one message naming the field, in `lang`. */
export function validateDraft(draft: ProfileDraft, lang: Lang): DraftResult {
  const candidate = fromDraft(draft);
  const parsed = ProfileSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, profile: parsed.data };
  const described = parseProfile(JSON.stringify(candidate), lang);
  return {
    ok: false,
    error: described.ok ? (parsed.error.issues[0]?.message ?? 'invalid profile') : described.error,
  };
}
