import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import ts from 'typescript';
import type { FakeOptions, FakeSheetData } from '../fake-excel/fake-office';

const root = join(__dirname, '..', '..');
export const DIST = join(root, 'dist', 'web');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Builds the task pane and standalone page with the project's webpack config (production mode). */
export function buildWeb(): void {
  execFileSync(process.execPath, [join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], {
    cwd: root,
    stdio: 'pipe',
    timeout: 300_000,
  });
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

/** The fake Excel host as a browser script standing in for office.js, over the sheets the page is given. */
export function fakeOfficeScript(): string {
  const source = readFileSync(join(root, 'test', 'fake-excel', 'fake-office.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  });
  return `(function () { var exports = {}; ${outputText}
    var book = new exports.FakeWorkbook(window.__FAKE_SHEETS__ || [], window.__FAKE_OPTIONS__ || {});
    window.__fakeExcel = book;
    exports.installFakeOffice(book, window);
  })();`;
}

/** Debian's Chromium, headless, with its background networking off (this machine has no network). */
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
