import type { Lang } from '../core/finding';

/** Chinese first: English only when the display language is English (en, en-US, en-GB …). */
export function langFrom(tag: string | undefined | null): Lang {
  return typeof tag === 'string' && /^en(\b|[-_])/i.test(tag.trim()) ? 'en-US' : 'zh-CN';
}
