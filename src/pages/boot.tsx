import { createRoot, type Root } from 'react-dom/client';
import type { WorkbookHost } from '../hosts/host';
import { langFrom } from '../app/lang';
import { createSelectionStore } from '../app/selection';
import type { Lang } from '../core/finding';
import { App } from '../ui/App';
import { openFileHost } from '../ui/Landing';
import { officeContext, officeGlobal, officeHost } from '../hosts/excel/office-global';
import { stringsFor } from '../ui/strings';

function prepare(doc: Document, lang: Lang): void {
  doc.documentElement.lang = lang;
  doc.title = stringsFor(lang).appTitle;
}

function browserLanguage(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

export interface TaskpaneOptions {
  /** Makes the Excel host once Office is ready inside Excel. */
  createExcelHost: () => WorkbookHost;
  /** How long to wait for Office.onReady before falling back to the standalone page. */
  timeoutMs?: number;
}

/**
 * The add-in's start: waits for Office (at most 3 s) when office.js is on the page; inside Excel the pane works on
 * the open workbook, anywhere else it becomes the standalone page. Language from Office, else the browser.
 */
export async function startTaskpane(container: HTMLElement, options: TaskpaneOptions): Promise<Root> {
  let host: WorkbookHost | undefined;
  let tag = browserLanguage();
  if (officeGlobal()) {
    const kind = await officeHost(options.timeoutMs ?? 3000);
    if (kind === 'Excel') host = options.createExcelHost();
    tag = officeContext()?.displayLanguage ?? tag;
  }
  const lang = langFrom(tag);
  prepare(container.ownerDocument, lang);
  const root = createRoot(container);
  root.render(<App host={host} lang={lang} />);
  return root;
}

/**
 * The standalone page: no office.js. With `?sample=1` it opens sample.xlsx from its own origin (for `npm start`).
 * `fetchSample` is the page's fetch, relative to the page.
 */
export async function startStandalone(
  container: HTMLElement,
  pageUrl: string,
  fetchSample: (url: string) => Promise<Response> = (url) => fetch(url),
): Promise<Root> {
  const lang = langFrom(browserLanguage());
  prepare(container.ownerDocument, lang);
  const selection = createSelectionStore();
  let host: WorkbookHost | undefined;
  let initialError: string | undefined;
  const url = new URL(pageUrl);
  if (url.searchParams.get('sample') === '1') {
    const t = stringsFor(lang);
    try {
      const sample = new URL('sample.xlsx', url);
      if (sample.origin !== url.origin) throw new Error('cross-origin');
      const response = await fetchSample(sample.href);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const opened = await openFileHost(
        '评分表示例.xlsx',
        new Uint8Array(await response.arrayBuffer()),
        lang,
        selection,
      );
      if (opened.ok) host = opened.host;
      else initialError = t.openFailed('sample.xlsx', opened.error);
    } catch {
      initialError = t.loadSampleFailed;
    }
  }
  const root = createRoot(container);
  root.render(<App host={host} lang={lang} selection={selection} initialError={initialError} />);
  return root;
}
