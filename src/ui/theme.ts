import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { officeContext } from '../hosts/excel/office-global';

const CHINESE_FONTS = '"Microsoft YaHei", "PingFang SC"';

/** The theme's font stack with the Chinese UI fonts added before the generic family. */
export function withChineseFonts(stack: string): string {
  const generic = /,\s*sans-serif\s*$/i;
  return generic.test(stack) ? stack.replace(generic, `, ${CHINESE_FONTS}, sans-serif`) : `${stack}, ${CHINESE_FONTS}`;
}

/** True for a dark colour (#rgb or #rrggbb): relative luminance below one half. */
export function isDarkColor(color: string): boolean {
  const hex = color.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Dark when Office's body background is dark; without Office, the browser's colour-scheme preference. */
export function prefersDark(): boolean {
  const background = officeContext()?.officeTheme?.bodyBackgroundColor;
  if (typeof background === 'string' && background.length > 0) return isDarkColor(background);
  return typeof globalThis.matchMedia === 'function' && globalThis.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function paneTheme(dark: boolean = prefersDark()): Theme {
  const base = dark ? webDarkTheme : webLightTheme;
  return { ...base, fontFamilyBase: withChineseFonts(base.fontFamilyBase) };
}
