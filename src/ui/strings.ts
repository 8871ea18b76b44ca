import type { Lang } from '../core/finding';
import type { Strings } from './strings-catalog';
import { enUS } from './strings.en-US';
import { zhCN } from './strings.zh-CN';

export type { Strings } from './strings-catalog';

/** The pane's and the standalone page's words in each language (Chinese first); see strings-catalog.ts. */
export const STRINGS: Readonly<Record<Lang, Strings>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function stringsFor(lang: Lang): Strings {
  return STRINGS[lang];
}
