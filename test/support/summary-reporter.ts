import type { Reporter, TestModule } from 'vitest/node';

/** Prints one closing line, `vitest: N passed, N failed, N skipped`, that CI can read. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      if (m.state() === 'failed' && ![...m.children.allTests()].length) failed++;
      for (const t of m.children.allTests()) {
        const s = t.result().state;
        if (s === 'passed') passed++;
        else if (s === 'failed') failed++;
        else skipped++;
      }
    }
    // after vitest's own summary, so it is the last line of the run
    process.once('exit', () => process.stdout.write(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`));
  }
}
