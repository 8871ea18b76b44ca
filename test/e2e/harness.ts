import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import ts from 'typescript';
import type { FakeOptions, FakeSheetData } from '../fake-excel/fake-office';

const root = join(__dirname, '..', '..');
export const DIST = join(root, 'dist', 'web');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * Where the last build notes the test run it was made for, and the lock that lets one test file build at a time: in
 * this checkout's dist/ (beside the build, outside the folder webpack cleans), not in node_modules, which git worktrees
 * may share: a run in another checkout would otherwise mark its build as this one's, or make this run build again
 * under a running test.
 */
const BUILT_FOR = join(root, 'dist', '.e2e-build-run');
const BUILD_LOCK = `${BUILT_FOR}.lock`;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the task pane and standalone page with the project's webpack config (production mode), once per test run:
 * the browser test files run in parallel workers, and the first to get here builds while the others wait and reuse
 * the build (webpack cleans its output, so a second build would pull the files from under a running test).
 */
export function buildWeb(): void {
  const run = process.env.SCORE_AUDIT_TEST_RUN;
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // A lock older than any build is left over from a run that was killed.
      if (Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 600_000)
        rmSync(BUILD_LOCK, { recursive: true, force: true });
      sleep(250);
    }
  }
  try {
    if (run && existsSync(BUILT_FOR) && readFileSync(BUILT_FOR, 'utf8') === run) return;
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'],
      {
        cwd: root,
        stdio: 'pipe',
        timeout: 300_000,
      },
    );
    if (run) writeFileSync(BUILT_FOR, run);
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.json': 'application/json',
};

/** Serves a folder on 127.0.0.1 (a free port), as the dev server would. */
export async function serve(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let fakeOfficeModule: string | undefined;

/**
 * The fake Excel host as a browser script standing in for office.js, over these sheets (embedded in the script, so
 * a page routed once serves each test's workbook). The module is transpiled once per test file.
 */
export function fakeOfficeScript(state: FakeWorkbookState): string {
  fakeOfficeModule ??= ts.transpileModule(readFileSync(join(root, 'test', 'fake-excel', 'fake-office.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return `(function () { var exports = {}; ${fakeOfficeModule}
    var state = ${JSON.stringify(state)};
    var book = new exports.FakeWorkbook(state.sheets, state.options || {});
    window.__fakeExcel = book;
    exports.installFakeOffice(book, window);
  })();`;
}

/**
 * Debian's Chromium, headless, with its background networking off (this machine has no network). Started as it is
 * installed: Chromium reads only its last --disable-features and Playwright passes its own, so none is added here.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface FakeWorkbookState {
  sheets: FakeSheetData[];
  options?: FakeOptions;
}

let axeSource: string | undefined;

/**
 * Serious and critical axe violations of the page as it is now. axe is evaluated in the page by the debugging
 * protocol, which the pages' Content-Security-Policy does not govern (a <script> element would need a context that
 * bypasses it), once per document: parsing its 500 KB again is most of a call's time. Fluent UI's focus manager
 * (Tabster) places aria-hidden focus guards (<i data-tabster-dummy>) on purpose, to keep Tab inside toolbars and
 * dialogs; axe reports them as aria-hidden-focus, so they alone are left out.
 */
export async function axeNow(page: Page): Promise<Array<{ id: string; impact: string }>> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
  }
  // Only the violations that count come back: the passes, with every node they looked at, are most of the result,
  // and serialising it to the test cost more than the run.
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as {
        axe: { run: (context: unknown) => Promise<{ violations: Array<{ id: string; impact: string }> }> };
      }
    ).axe.run({ exclude: [['[data-tabster-dummy]']] });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  });
}

/**
 * Readies a page the tests of a file share (a new page costs a renderer and a cold load of the 1.1 MB bundle; a
 * page that navigates again reuses both) for the next test, as a new page would be: without the listeners the last
 * test added, the storage it left on the server's origin or the pointer where it left it, at the size this test
 * wants. Each test then loads its page afresh.
 */
export async function freshPage(
  page: Page,
  origin: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  for (const event of ['request', 'dialog', 'download'] as const) page.removeAllListeners(event);
  if (page.url().startsWith(`${origin}/`))
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
  await page.context().clearCookies();
  // Where a new page's pointer is: not over what the last test clicked last, which would be hovered in this one.
  await page.mouse.move(0, 0);
  await page.setViewportSize(viewport);
  return page;
}
