/** @jest-environment ./src/ui/jsdom-environment.cjs */
import { openedFileHost } from './opened-file-host';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../src/ui/App';
import { createSelectionStore } from '../src/app/selection';
import { hostileWorkbook } from './fixtures/hostile-workbook';

/**
 * The task pane renders workbook text as text: a workbook whose indicator names and sheet names are HTML and
 * formula-like strings shows them verbatim in findings, the sheet preview and the fill preview, and creates no
 * element from them (no <img>, no event-handler attribute).
 */
jest.setTimeout(60_000);

let hostile: Awaited<ReturnType<typeof hostileWorkbook>>;
beforeAll(async () => {
  hostile = await hostileWorkbook();
});

/** Elements or attributes that workbook text would have created if it were rendered as HTML. */
function injected(): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    if (element.tagName === 'IMG') found.push(`<img src="${element.getAttribute('src')}">`);
    for (const attribute of element.attributes)
      if (/^on/i.test(attribute.name)) found.push(`${element.tagName.toLowerCase()}[${attribute.name}]`);
  }
  return found;
}

it('shows hostile labels and sheet names as text in findings, previews and the fill dialog', async () => {
  const selection = createSelectionStore();
  const host = openedFileHost('hostile.xlsx', hostile.bytes, 'zh-CN', (target, related) =>
    selection.set(target, related),
  );
  render(<App host={host} lang="zh-CN" selection={selection} />);
  await screen.findByTestId('total-score');

  const findings = [...document.querySelectorAll<HTMLElement>('li > div[role="button"][tabindex="0"]')];
  const texts = findings.map((f) => f.textContent ?? '');
  expect(texts.some((t) => t.includes('“<img src=x onerror=alert(1)>”（分值 4.00）未填得分'))).toBe(true);
  for (const name of ['@SUM(A1)', '+1+1', '-2+3', '=1+1']) expect(document.body.textContent).toContain(name);
  for (const finding of findings) {
    act(() => finding.focus());
    fireEvent.click(finding);
    await screen.findByTestId('sheet-preview');
    expect(injected()).toEqual([]);
  }

  fireEvent.click(screen.getByRole('button', { name: /^全部填写/ }));
  const dialog = await screen.findByRole('dialog');
  // The formula is its own block, as text, whatever the sheet name holds.
  const formulas = [...dialog.querySelectorAll('code')].map((code) => code.textContent);
  expect(formulas).toContain("=MIN(1,'<img src=x onerror=alert(1)>'!C3/'<img src=x onerror=alert(1)>'!E2)*F8");
  expect(dialog.textContent).toContain('@SUM(A1)!G4');
  expect(injected()).toEqual([]);
});

it('the check for injected elements finds an <img onerror> rendered as HTML', () => {
  // Guards the guard: the same markup set as HTML (what the pane must never do) is caught.
  const planted = document.body.appendChild(document.createElement('div'));
  planted.innerHTML = hostile.labels[1] as string;
  expect(injected()).toEqual(['<img src="x">', 'img[onerror]']);
  planted.remove();
});
