import { defineConfig } from 'vitest/config';

// Three tiers: unit (no database or server: pure logic, plus small file-system and process
// helpers such as the data-folder lock), integration (the real app against a real database:
// in-memory PGlite, or PostgreSQL when TEST_DATABASE_URL is set) and process (the CLI as a
// separate OS process: data-folder lock, shutdown, persistence).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'src/**/*.process.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'process',
          include: ['src/**/*.process.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
