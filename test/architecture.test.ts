import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findCycles, importGraph, type ImportGraph } from './import-graph';

/** The engine stays pure: the lint rule that enforces it must fail on a host, UI, file or Node import. */
const root = join(__dirname, '..');

type LintMessage = { ruleId: string | null; line: number };

/**
 * What ESLint says of each source as a module of src/core, with the config `npm run lint` uses. ESLint loads that
 * config through dynamic import, which jest's VM does not allow: it runs in a child process, one for all the sources
 * (starting ESLint and loading its config is most of the cost).
 */
function lintCore(sources: readonly string[]): LintMessage[][] {
  const script = `
    const { ESLint } = require('eslint');
    const sources = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint();
      const messages = [];
      for (const source of sources)
        messages.push((await eslint.lintText(source, { filePath: 'src/core/probe.ts' }))[0]?.messages ?? []);
      process.stdout.write(JSON.stringify(messages));
    })();`;
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: root,
    input: JSON.stringify(sources),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`ESLint failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as LintMessage[][];
}

describe('src/core import boundary', () => {
  const libraries = [
    "import { readFileSync } from 'node:fs';",
    "import * as React from 'react';",
    "import ExcelJS from 'exceljs';",
    "import { unzipSync } from 'fflate';",
    "import { Button } from '@fluentui/react-components';",
  ];
  /** The probes of the tests below, linted together in beforeAll; each test reads its own. */
  const probes = {
    libraries: `${libraries.join('\n')}\nexport const used = [readFileSync, React, ExcelJS, unzipSync, Button];\n`,
    relative:
      "import { main } from '../cli/main';\nimport { summary } from './rules/../../app/summary';\nexport const used = [main, summary];\n",
    allowed:
      "import { z } from 'zod';\nimport { columnName } from './address';\nexport const used = [z, columnName];\n",
  };
  const linted = new Map<keyof typeof probes, LintMessage[]>();

  beforeAll(() => {
    const names = Object.keys(probes) as Array<keyof typeof probes>;
    const messages = lintCore(names.map((name) => probes[name]));
    names.forEach((name, i) => linted.set(name, messages[i] ?? []));
  });

  it('rejects Node, React, Fluent UI and file libraries', () => {
    const messages = linted.get('libraries') ?? [];
    expect(messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects a relative import that leaves src/core, however it is spelled', () => {
    const messages = linted.get('relative') ?? [];
    expect(messages.filter((m) => m.ruleId === 'engine/stays-in-core').map((m) => m.line)).toEqual([1, 2]);
  });

  it('accepts zod and its own modules', () => {
    const messages = linted.get('allowed');
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
