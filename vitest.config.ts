import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest files, longest first. A clean clone has no timing cache, and vitest then starts the
 * largest files first by size; a long file started last leaves one core idle while it finishes.
 */
const LONGEST = ['print-layout', 'masked-export', 'crash', 'fuzz-import', 'cli-basics', 'assessment-demo', 'import-cli', 'import-cli-templates', 'reports-cli', 'demo-stop'];
const rank = (s: TestSpecification) => {
  const i = LONGEST.findIndex((n) => s.moduleId.endsWith(`/${n}.test.ts`));
  return i < 0 ? LONGEST.length : i;
};

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests open real encrypted ledgers (scrypt, SQLCipher): keep to the 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
  },
});
