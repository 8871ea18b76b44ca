'use strict';
/**
 * CI step: `npm audit --omit=dev` over the production dependencies. Fails on a high or critical advisory; when the
 * registry does not offer the audit endpoint (some mirrors answer HTTP 405), prints a warning and passes, because
 * then nothing was checked and nothing can be concluded.
 *
 *   node .ci/npm-audit.cjs                  runs npm audit
 *   node .ci/npm-audit.cjs --report FILE    judges a saved `npm audit --json` output (the tests use this)
 */
const { spawnSync } = require('node:child_process');
const { readFileSync } = require('node:fs');

const BLOCKING = ['critical', 'high'];

/** The verdict on one `npm audit --json` output: pass, fail, or pass with a warning when the audit did not answer. */
function auditVerdict(output) {
  let report;
  try {
    report = JSON.parse(output);
  } catch {
    return {
      status: 'fail',
      message: `npm audit printed no JSON report: ${output.trim().split('\n')[0] || '(nothing)'}`,
    };
  }
  const counts = report && report.metadata && report.metadata.vulnerabilities;
  if (counts && typeof counts === 'object') {
    const summary = Object.entries(counts)
      .filter(([severity]) => severity !== 'total')
      .map(([severity, n]) => `${severity} ${n}`)
      .join(', ');
    const blocking = Object.values(report.vulnerabilities || {}).filter((v) => BLOCKING.includes(v.severity));
    if (BLOCKING.some((severity) => (counts[severity] || 0) > 0)) {
      const names = blocking.map((v) => `${v.name} (${v.severity})`).join(', ');
      return {
        status: 'fail',
        message: `npm audit --omit=dev: high or critical advisories in production dependencies: ${names || summary}. Run \`npm audit --omit=dev\` for details.`,
      };
    }
    return { status: 'pass', message: `npm audit --omit=dev: no high or critical advisories (${summary})` };
  }
  if (report && (report.error || report.statusCode)) {
    const status = report.statusCode ? `HTTP ${report.statusCode}` : report.error.code || 'an error';
    return {
      status: 'warn',
      message: `WARNING: the registry does not answer npm audit (${status}); the production dependencies were NOT checked for advisories.`,
    };
  }
  return { status: 'fail', message: 'npm audit printed a report this step does not understand' };
}

function main(argv) {
  const at = argv.indexOf('--report');
  const output =
    at >= 0
      ? readFileSync(argv[at + 1], 'utf8')
      : spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', shell: process.platform === 'win32' })
          .stdout || '';
  const verdict = auditVerdict(output);
  (verdict.status === 'pass' ? console.log : console.error)(verdict.message);
  return verdict.status === 'fail' ? 1 : 0;
}

module.exports = { auditVerdict };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
