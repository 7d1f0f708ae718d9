/**
 * Prints the run's totals as one plain line, "N passed, N failed", last — what CI reads. Jest's own summary is
 * written to stderr after the reporters run, so the line is written when the process exits, to stdout and (when
 * that is a terminal) nowhere else: it is then the last line a user sees, piped or in a terminal.
 */
class TotalsReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed\n`;
    process.once("exit", () => process.stdout.write(line));
  }
}
module.exports = TotalsReporter;
