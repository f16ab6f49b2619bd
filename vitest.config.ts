import { defineConfig } from 'vitest/config';

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
  },
});
