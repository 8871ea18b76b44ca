import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { officeHost } from '../hosts/excel/office-global';
import { isDarkColor, paneTheme, prefersDark, withChineseFonts } from './theme';

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { matchMedia?: unknown }).matchMedia;
  jest.useRealTimers();
});

describe('theme', () => {
  it('tells dark backgrounds from light ones', () => {
    expect(['#000000', '#262626', '#333', '#1f1f1f'].map(isDarkColor)).toEqual([true, true, true, true]);
    expect(['#ffffff', '#F3F3F3', '#e6e6e6', 'not a colour'].map(isDarkColor)).toEqual([false, false, false, false]);
  });

  it('follows Office’s body background, else the browser’s colour scheme', () => {
    (globalThis as { Office?: unknown }).Office = { context: { officeTheme: { bodyBackgroundColor: '#262626' } } };
    expect(prefersDark()).toBe(true);
    (globalThis as { Office?: unknown }).Office = { context: { officeTheme: { bodyBackgroundColor: '#FFFFFF' } } };
    (globalThis as { matchMedia?: unknown }).matchMedia = () => ({ matches: true });
    expect(prefersDark()).toBe(false);
    delete (globalThis as { Office?: unknown }).Office;
    expect(prefersDark()).toBe(true);
    expect(paneTheme(true).colorNeutralBackground1).toBe(webDarkTheme.colorNeutralBackground1);
    expect(paneTheme(false).colorNeutralBackground1).toBe(webLightTheme.colorNeutralBackground1);
  });

  it('adds the Chinese UI fonts before the generic family', () => {
    expect(withChineseFonts("'Segoe UI', sans-serif")).toBe(
      '\'Segoe UI\', "Microsoft YaHei", "PingFang SC", sans-serif',
    );
    expect(paneTheme(false).fontFamilyBase).toMatch(/^'Segoe UI'.*"Microsoft YaHei", "PingFang SC", sans-serif$/);
    expect(withChineseFonts('Arial')).toBe('Arial, "Microsoft YaHei", "PingFang SC"');
  });
});

describe('officeHost', () => {
  it('is Excel when Office.onReady says so, null without Office or when it does not answer in time', async () => {
    expect(await officeHost()).toBeNull();
    (globalThis as { Office?: unknown }).Office = {
      onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    };
    expect(await officeHost()).toBe('Excel');
    (globalThis as { Office?: unknown }).Office = { onReady: async () => ({ host: null, platform: null }) };
    expect(await officeHost()).toBeNull();
    jest.useFakeTimers();
    (globalThis as { Office?: unknown }).Office = { onReady: () => new Promise(() => undefined) };
    const waiting = officeHost(3000);
    await jest.advanceTimersByTimeAsync(2999);
    let settled = false;
    void waiting.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await waiting).toBeNull();
  });
});
