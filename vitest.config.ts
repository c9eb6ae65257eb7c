import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by name; unit tests run against the sources, tests/package against dist.
    alias: [
      { find: /^practice-themes\/node$/, replacement: source('./src/node.ts') },
      { find: /^practice-themes\/testing$/, replacement: source('./src/testing.ts') },
      { find: /^practice-themes$/, replacement: source('./src/index.ts') },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
