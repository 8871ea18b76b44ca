import type { Lang } from '../../core/finding';
import type { CliCatalog } from './catalog';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export type { CliCatalog } from './catalog';

/** The command line's words in each language (Chinese first). */
export const CLI_CATALOGS: Readonly<Record<Lang, CliCatalog>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function cliText(lang: Lang): CliCatalog {
  return CLI_CATALOGS[lang];
}
