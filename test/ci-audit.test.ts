import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The CI step `.ci/npm-audit.cjs` on `npm audit --json` outputs: endpoint-405.json is what this machine's registry
 * mirror answers (recorded, host anonymised); the others are npm's report format (auditReportVersion 2), written
 * because that mirror cannot produce them.
 */
const root = join(__dirname, '..');
const SCRIPT = join(root, '.ci', 'npm-audit.cjs');
const sample = (name: string) => join(__dirname, 'fixtures', 'npm-audit', name);
const { auditVerdict } = createRequire(__filename)(SCRIPT) as {
  auditVerdict: (output: string) => { status: 'pass' | 'fail' | 'warn'; message: string };
};

/** Runs the step on a saved report: exit code and what it printed. */
function runStep(report: string): { code: number; output: string } {
  const run = spawnSync(process.execPath, [SCRIPT, '--report', report], { encoding: 'utf8' });
  return { code: run.status ?? -1, output: run.stdout + run.stderr };
}

describe('.ci/npm-audit.cjs', () => {
  it('fails on high or critical advisories, naming the packages', () => {
    const { code, output } = runStep(sample('high-critical.json'));
    expect(code).toBe(1);
    expect(output).toContain('example-parser (high), example-wrapper (critical)');
  });

  it('passes without high or critical advisories', () => {
    expect(runStep(sample('clean.json'))).toEqual({
      code: 0,
      output: expect.stringContaining('no high or critical advisories (info 0, low 0, moderate 0, high 0, critical 0)'),
    });
    expect(runStep(sample('moderate.json'))).toEqual({ code: 0, output: expect.stringContaining('moderate 1') });
  });

  it('warns and passes when the registry does not offer the audit endpoint', () => {
    const { code, output } = runStep(sample('endpoint-405.json'));
    expect(code).toBe(0);
    expect(output).toContain('WARNING: the registry does not answer npm audit (HTTP 405)');
  });

  it('fails on output that is no audit report', () => {
    expect(auditVerdict('npm error something else').status).toBe('fail');
    expect(auditVerdict('{"name":"x"}').status).toBe('fail');
    expect(auditVerdict(readFileSync(sample('endpoint-405.json'), 'utf8')).status).toBe('warn');
  });

  it('runs in CI after the install', () => {
    const run = readFileSync(join(root, '.ci', 'run'), 'utf8');
    expect(run.indexOf('node .ci/npm-audit.cjs')).toBeGreaterThan(run.indexOf('npm ci'));
  });
});
