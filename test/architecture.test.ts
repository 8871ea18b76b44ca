import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findCycles, importGraph, type ImportGraph } from './import-graph';

/** The engine stays pure: the lint rule that enforces it must fail on a host, UI, file or Node import. */
const root = join(__dirname, '..');

/** Each source linted as a module of src/core (`src/core/probe-N.ts`), with the project's configuration. */
function lintCore(sources: string[]): Array<Array<{ ruleId: string | null; line: number }>> {
  // ESLint loads its flat config through dynamic import, which jest's VM does not allow: one Node process lints them
  // all through ESLint's API, as `npm run lint` does (a process each cost a second and a half of loading apiece).
  const script = `
    const { ESLint } = require('eslint');
    const sources = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    const eslint = new ESLint({ cwd: process.cwd() });
    Promise.all(sources.map((code, i) => eslint.lintText(code, { filePath: 'src/core/probe-' + i + '.ts' })))
      .then((results) => process.stdout.write(JSON.stringify(results.map(([result]) => result.messages))));`;
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: root,
    input: JSON.stringify(sources),
    encoding: 'utf8',
  });
  return JSON.parse(result.stdout) as Array<Array<{ ruleId: string | null; line: number }>>;
}

const PROBES = {
  foreign: `${[
    "import { readFileSync } from 'node:fs';",
    "import * as React from 'react';",
    "import ExcelJS from 'exceljs';",
    "import { unzipSync } from 'fflate';",
    "import { Button } from '@fluentui/react-components';",
  ].join('\n')}\nexport const used = [readFileSync, React, ExcelJS, unzipSync, Button];\n`,
  leaving:
    "import { main } from '../cli/main';\nimport { summary } from './rules/../../app/summary';\nexport const used = [main, summary];\n",
  own: "import { z } from 'zod';\nimport { columnName } from './address';\nexport const used = [z, columnName];\n",
};
let linted: Record<keyof typeof PROBES, Array<{ ruleId: string | null; line: number }>>;
beforeAll(() => {
  const names = Object.keys(PROBES) as Array<keyof typeof PROBES>;
  const messages = lintCore(names.map((name) => PROBES[name]));
  linted = Object.fromEntries(names.map((name, i) => [name, messages[i] ?? []])) as typeof linted;
}, 60_000);

describe('src/core import boundary', () => {
  it('rejects Node, React, Fluent UI and file libraries', () => {
    expect(linted.foreign.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  it('rejects a relative import that leaves src/core, however it is spelled', () => {
    expect(linted.leaving.filter((m) => m.ruleId === 'engine/stays-in-core').map((m) => m.line)).toEqual([1, 2]);
  });

  it('accepts zod and its own modules', () => {
    expect(linted.own).toEqual([]);
  });
});

/**
 * The folders of src/ in layers, lowest first: a module may import its own folder and the folders below it.
 * The command line sits beside the pages: it reads files and runs the engine, nothing of the add-in.
 */
const LAYERS: Readonly<Record<string, readonly string[]>> = {
  core: [],
  file: ['core'],
  hosts: ['core', 'file'],
  app: ['core', 'file', 'hosts'],
  ui: ['core', 'file', 'hosts', 'app'],
  pages: ['core', 'file', 'hosts', 'app', 'ui'],
  cli: ['core', 'file'],
};

/** Imports that cross folders against the layers, as `from → to`. */
function layerViolations(graph: ImportGraph): string[] {
  const folder = (module: string) => module.split('/')[0] as string;
  return [...graph].flatMap(([from, targets]) =>
    targets
      .filter((to) => folder(to) !== folder(from) && !(LAYERS[folder(from)] ?? []).includes(folder(to)))
      .map((to) => `${from} → ${to}`),
  );
}

describe('dependencies run one way', () => {
  const graph = importGraph(join(root, 'src'));

  it('has no import cycle in src/', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('finds a planted cycle, a self-import and a long loop', () => {
    const planted: ImportGraph = new Map([
      ['core/check.ts', ['core/recognize/index.ts']],
      ['core/recognize/index.ts', ['core/report.ts']],
      ['core/report.ts', ['core/check.ts']],
      ['cli/main.ts', ['cli/main.ts', 'cli/io.ts']],
      ['cli/io.ts', []],
    ]);
    expect(findCycles(planted)).toEqual([
      ['core/check.ts', 'core/recognize/index.ts', 'core/report.ts'],
      ['cli/main.ts'],
    ]);
  });

  it('names every folder of src/ in the layers', () => {
    expect([...new Set([...graph.keys()].map((m) => m.split('/')[0]))].sort()).toEqual(Object.keys(LAYERS).sort());
  });

  it('imports only downwards through the layers', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('reports an upward import', () => {
    const planted: ImportGraph = new Map([
      ['core/check.ts', ['file/read-workbook.ts']],
      ['ui/App.tsx', ['pages/boot.tsx', 'app/controller.ts']],
    ]);
    expect(layerViolations(planted)).toEqual(['core/check.ts → file/read-workbook.ts', 'ui/App.tsx → pages/boot.tsx']);
  });
});
