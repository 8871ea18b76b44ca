import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

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

  it('accepts zod and its own modules', () => {
    const messages = lintCore(
      "import { z } from 'zod';\nimport { columnName } from './address';\nexport const used = [z, columnName];\n",
    );
    expect(messages).toEqual([]);
  });
});
