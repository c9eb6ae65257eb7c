import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts', testing: 'src/testing.ts', cli: 'src/cli.ts', 'practice-themes-worker': 'src/worker.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // unpdf stays external and is imported lazily, so text-only users never load pdf.js.
  external: ['unpdf', 'vitest'],
});
