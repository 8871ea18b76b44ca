'use strict';
/**
 * A jest reporter that prints the slowest test files after the run, with their wall time, so a slow suite is
 * seen where it lands (`SLOWEST_SUITES=N` changes how many; 0 prints none).
 */
class SlowestSuites {
  onRunComplete(_contexts, results) {
    const count = Number(process.env.SLOWEST_SUITES ?? 10);
    const root = `${process.cwd()}/`;
    const suites = results.testResults
      .map((r) => ({ file: r.testFilePath.replace(root, ''), seconds: (r.perfStats.end - r.perfStats.start) / 1000 }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, count);
    if (suites.length === 0) return;
    const lines = suites.map((s) => `${s.seconds.toFixed(1).padStart(7)} s  ${s.file}`);
    process.stderr.write(`\nSlowest test files (of ${results.testResults.length}):\n${lines.join('\n')}\n`);
  }
}

module.exports = SlowestSuites;
