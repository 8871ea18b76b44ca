import type { Lang } from './finding';
import { RULES } from './rules';

const BY_CODE = new Map(RULES.map((rule) => [rule.code as string, rule]));

/** A finding's title: its rule's short name in the user's language (the code itself for an unknown code). */
export function ruleName(code: string, lang: Lang): string {
  return BY_CODE.get(code)?.name[lang] ?? code;
}

/** What a rule checks, in the user's language (for a tooltip or a filter). */
export function ruleDescription(code: string, lang: Lang): string | undefined {
  return BY_CODE.get(code)?.description[lang];
}
