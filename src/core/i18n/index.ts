import type { Lang } from '../finding';
import type { CoreCatalog } from './catalog';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export type { CoreCatalog, DifferenceWord, ReadErrorKind } from './catalog';
export { READ_ERROR_KINDS } from './catalog';

/** The engine's words in each language (Chinese first). */
export const CORE_CATALOGS: Readonly<Record<Lang, CoreCatalog>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function coreText(lang: Lang): CoreCatalog {
  return CORE_CATALOGS[lang];
}
