import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findCycles, importGraph, type ImportGraph } from './import-graph';

/** The engine stays pure: the lint rule that enforces it must fail on a host, UI, file or Node import. */
const root = join(__dirname, '..');

function lintCore(source: string): Array<{ ruleId: string | null; line: number }> {
  // ESLint loads its flat config through dynamic import, which jest's VM does not allow: run it as `npm run lint` does.
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
      '--stdin',
      '--stdin-filename',
      'src/core/probe.ts',
      '--format',
      'json',
    ],
    { cwd: root, input: source, encoding: 'utf8' },
  );
  const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string | null; line: number }> }>;
  return report?.messages ?? [];
}

describe('src/core import boundary', () => {
  it('rejects Node, React, Fluent UI and file libraries', () => {
    const imports = [
      "import { readFileSync } from 'node:fs';",
      "import * as React from 'react';",
      "import ExcelJS from 'exceljs';",
      "import { unzipSync } from 'fflate';",
      "import { Button } from '@fluentui/react-components';",
    ];
    const messages = lintCore(
      `${imports.join('\n')}\nexport const used = [readFileSync, React, ExcelJS, unzipSync, Button];\n`,
    );
    expect(messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects a relative import that leaves src/core, however it is spelled', () => {
    const messages = lintCore(
      "import { main } from '../cli/main';\nimport { summary } from './rules/../../app/summary';\nexport const used = [main, summary];\n",
    );
    expect(messages.filter((m) => m.ruleId === 'engine/stays-in-core').map((m) => m.line)).toEqual([1, 2]);
  });

  it('accepts zod and its own modules', () => {
    const messages = lintCore(
      "import { z } from 'zod';\nimport { columnName } from './address';\nexport const used = [z, columnName];\n",
    );
    expect(messages).toEqual([]);
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
