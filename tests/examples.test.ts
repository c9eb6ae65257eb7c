/**
 * Every script in examples/ runs against the built package and prints what it promises.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (script: string) => execFileSync(process.execPath, ['--import', 'tsx', `examples/${script}`], { cwd: root, encoding: 'utf8', timeout: 120_000 });

describe('examples', () => {
  it('the package is built (npm test builds it first)', () => {
    expect(existsSync(`${root}dist/index.js`)).toBe(true);
  });

  it('tag-seed prints the findings table of Gateshead 2019', () => {
    const output = run('tag-seed.ts');
    expect(output).toMatch(/^ilacs: 48 paragraphs/);
    expect(output).toMatch(/^28\s+peps\s+strength/m);
  });

  it('compare-reports lists every shared PDF', () => {
    const output = run('compare-reports.ts');
    expect(output).toContain('gateshead-2019');
    expect(output.trim().split('\n')).toHaveLength(19);
  });

  it('custom-theme finds family time judged in the seed reports', () => {
    const output = run('custom-theme.ts');
    expect(output).toMatch(/^002 ¶27 strength /m);
    expect(output).toMatch(/^004 ¶20 strength /m);
  });
});
