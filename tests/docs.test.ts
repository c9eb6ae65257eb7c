/**
 * The README tells the truth: its quick start runs, its theme table and the model JSON Schemas are
 * generated from the current sources, CI runs its test command, and versions agree.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { libraryVersion } from 'practice-themes';
import { readmeWithTable, schemaFiles } from '../scripts/generate.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');

describe('README', () => {
  it('quick start runs against the built package and prints what the README says', () => {
    const block = /## Quick start\s+```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const folder = `${root}.tmp-docs/`;
    mkdirSync(folder, { recursive: true });
    try {
      writeFileSync(`${folder}quick-start.mjs`, block!);
      const output = execFileSync(process.execPath, [`${folder}quick-start.mjs`], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      expect(output).toMatch(/^¶28 strength/m);
      expect(output).toMatch(/^¶28 weakness/m);
      expect(output).toContain("theme: 'supervision'");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('theme table is generated from models/taxonomy.json (npm run generate)', () => {
    expect(readme).toBe(readmeWithTable(readme));
    expect(readme).toContain('| `supervision` (core) |');
  });

  it('model JSON Schemas are generated from the zod schemas (npm run generate)', () => {
    for (const [path, content] of Object.entries(schemaFiles())) expect(readFileSync(`${root}${path}`, 'utf8'), path).toBe(content);
  });

  it('.ci/run runs the README test command after a clean install', () => {
    const ci = readFileSync(`${root}.ci/run`, 'utf8');
    expect(readme).toContain('npm install\nnpm test');
    expect(ci).toMatch(/^npm install\b/m);
    expect(ci).toMatch(/^npm test( -- .*)?$/m);
  });

  it('quotes the leave-one-report-out figures the shipped model was trained with', () => {
    const meta = JSON.parse(readFileSync(`${root}models/classifier.json`, 'utf8')).meta.leaveOneReportOut;
    expect(readme).toContain(`| core (theme, polarity) pair micro-F1 | ${meta.corePairF1.toFixed(3)} |`);
    expect(readme).toContain(`| core theme-only F1 | ${meta.coreThemeF1.toFixed(3)} |`);
    for (const [theme, f1] of Object.entries(meta.byCoreTheme as Record<string, number>)) {
      const name = { supervision: 'supervision', plans: 'plans', life_story_work: 'life-story work', return_home_interviews: 'return home\ninterviews', camhs: 'CAMHS', peps: 'PEPs' }[theme]!;
      expect(readme, theme).toContain(`${name} ${f1.toFixed(3)}`);
    }
  });

  it('libraryVersion matches package.json', () => {
    expect(libraryVersion).toBe(JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version);
  });
});
