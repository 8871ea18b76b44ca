#!/usr/bin/env node
'use strict';
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script, or `npm run build`).
let cli;
try {
  cli = require('../dist/cli/main.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    const tag = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
    process.stderr.write(
      /^en(\b|[-_.]|$)/i.test(tag)
        ? 'score-audit: not built yet: run `npm run build` (npm ci does it for you)\n'
        : 'score-audit：尚未编译，请先运行 `npm run build`（npm ci 会自动完成）\n',
    );
    process.exit(2);
  }
  throw error;
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`score-audit: ${error && error.message ? error.message.split('\n')[0] : String(error)}\n`);
    process.exitCode = 2;
  },
);
