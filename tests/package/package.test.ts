/**
 * The built package, as users install it (STYLE.md §4): publint and attw on the packed tarball,
 * both builds (ESM import and CJS require) tagging alike, one error brand across both copies,
 * and a browser-safe main entry that loads unpdf only on demand.
 *
 * Runs against dist/, so it needs a build first: `npm test` runs `npm run build` before vitest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus, readSeed, repoRoot } from '../helpers/corpus.js';
// Types only (erased at run time): the matchers this file uses come from dist/testing.js.
import type {} from 'practice-themes/testing';

type Main = typeof import('practice-themes');

const dist = join(repoRoot, 'dist');
const builtFiles = ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'testing.js', 'testing.cjs', 'testing.d.ts'];

function requireBuild(): void {
  const missing = builtFiles.filter((file) => !existsSync(join(dist, file)));
  if (missing.length > 0) throw new Error(`practice-themes is not built: ${dist} is missing or incomplete (no ${missing.join(', ')}) — run \`npm run build\` first (\`npm test\` builds, then tests)`);
}

/** Runs a command in the repository; returns its exit status and output. */
function run(command: string, args: string[], timeout = 120_000): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.replace(/^npm warn .*\n/gm, '');
  return { status: result.error ? null : result.status, output: result.error ? `${String(result.error)}\n${output}` : output };
}

// --- module graph of the ESM build --------------------------------------------------------

interface ModuleImports {
  static: string[];
  dynamic: string[];
  required: string[];
}

/** The specifiers a built ESM file imports: statically, with import(), and with require(). */
function importsOf(file: string): ModuleImports {
  const code = readFileSync(file, 'utf8');
  const specifiers = (pattern: RegExp) => [...code.matchAll(pattern)].map((match) => match[1]!);
  return {
    static: specifiers(/^\s*(?:import|export)\s+(?:[^'"();]*?\bfrom\s*)?["']([^"']+)["']/gm),
    dynamic: specifiers(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    required: specifiers(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
  };
}

/** Every file reachable from `entry` through relative imports, split by how it is first reached. */
function moduleGraph(entry: string): { eager: Map<string, ModuleImports>; lazy: Map<string, ModuleImports> } {
  const eager = new Map<string, ModuleImports>();
  const lazy = new Map<string, ModuleImports>();
  const visit = (file: string, into: Map<string, ModuleImports>) => {
    if (eager.has(file) || into.has(file)) return;
    const imports = importsOf(file);
    into.set(file, imports);
    for (const specifier of imports.static) if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier), into);
    for (const specifier of imports.dynamic) if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier), lazy);
  };
  visit(entry, eager);
  for (const file of eager.keys()) lazy.delete(file);
  return { eager, lazy };
}

const isNodeModule = (specifier: string) => specifier.startsWith('node:') || isBuiltin(specifier);

describe('the built package', () => {
  beforeAll(requireBuild);

  it('passes publint --strict', () => {
    const { status, output } = run('npx', ['--no-install', 'publint', '--strict']);
    expect(output).toContain('All good!');
    expect(status, output).toBe(0);
  });

  it('passes attw on the packed tarball', () => {
    // --profile node16: TypeScript's node10 resolution cannot see subpath exports
    // ("practice-themes/node", "/testing"); the package needs Node >= 20, which resolves them.
    const { status, output } = run('npx', ['--no-install', 'attw', '--pack', '.', '--profile', 'node16']);
    expect(status, output).toBe(0);
  });

  describe('ESM and CJS builds', () => {
    let esm: Main;
    let cjs: Main;
    beforeAll(async () => {
      requireBuild();
      esm = (await import(/* @vite-ignore */ pathToFileURL(join(dist, 'index.js')).href)) as Main;
      cjs = createRequire(import.meta.url)(join(dist, 'index.cjs')) as Main;
    });

    it('export the same names', () => {
      expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    });

    it.skipIf(!hasCorpus)('tag seed 000 identically', () => {
      const text = readSeed('000');
      const fromEsm = esm.tagText(text);
      const fromCjs = cjs.tagText(text);
      expect(fromEsm.findings.length).toBeGreaterThan(50);
      expect(fromCjs.findings).toEqual(fromEsm.findings);
      expect(JSON.stringify(fromCjs)).toBe(JSON.stringify(fromEsm));
    });

    it('recognise each other\'s errors, by isPracticeThemesError and instanceof, though the classes differ', () => {
      const caught = (tagText: Main['tagText']) => {
        try {
          tagText('');
        } catch (error) {
          return error;
        }
        throw new Error('expected EMPTY_INPUT');
      };
      const fromCjs = caught(cjs.tagText);
      const fromEsm = caught(esm.tagText);
      expect(esm.PracticeThemesError).not.toBe(cjs.PracticeThemesError);
      expect(fromCjs).toBeInstanceOf(esm.PracticeThemesError);
      expect(fromEsm).toBeInstanceOf(cjs.PracticeThemesError);
      expect(new Error('x')).not.toBeInstanceOf(esm.PracticeThemesError);
      expect(esm.isPracticeThemesError(fromCjs)).toBe(true);
      expect(cjs.isPracticeThemesError(fromEsm)).toBe(true);
      expect([esm.isPracticeThemesError(new Error('x')), cjs.isPracticeThemesError(new Error('x'))]).toEqual([false, false]);
    });

    it('read PDFs (loading unpdf on demand) in both builds', async () => {
      const bytes = new Uint8Array(readFileSync(join(repoRoot, 'tests/fixtures/pdf/image-only.pdf')));
      for (const build of [esm, cjs]) {
        const error = await build.tagReport(bytes).catch((caught: unknown) => caught);
        expect(build.isPracticeThemesError(error) && error.code).toBe('IMAGE_ONLY_PDF');
      }
    });
  });

  describe('the main entry (dist/index.js and the chunks it imports)', () => {
    let graph: ReturnType<typeof moduleGraph>;
    beforeAll(() => {
      requireBuild();
      graph = moduleGraph(join(dist, 'index.js'));
    });

    it('imports no Node built-in module, so it runs in browsers', () => {
      const offending = [...graph.eager, ...graph.lazy].flatMap(([file, imports]) =>
        [...imports.static, ...imports.dynamic, ...imports.required].filter(isNodeModule).map((specifier) => `${file.slice(dist.length + 1)} → ${specifier}`),
      );
      expect(offending).toEqual([]);
      expect([...graph.eager.keys()].some((file) => /createRequire|__require\(/.test(readFileSync(file, 'utf8')))).toBe(false);
    });

    it('imports unpdf only dynamically, from a chunk loaded on demand', () => {
      const staticUnpdf = [...graph.eager, ...graph.lazy].filter(([, imports]) => [...imports.static, ...imports.required].includes('unpdf')).map(([file]) => file);
      expect(staticUnpdf).toEqual([]);
      const dynamicUnpdf = [...graph.eager, ...graph.lazy].filter(([, imports]) => imports.dynamic.includes('unpdf'));
      expect(dynamicUnpdf.length).toBeGreaterThan(0);
    });

    it('does not import vitest or the testing entry', () => {
      const packages = [...graph.eager.values()].flatMap((imports) => imports.static.filter((specifier) => !specifier.startsWith('.')));
      expect(packages).not.toContain('vitest');
      expect([...graph.eager.keys()].map((file) => file.slice(dist.length + 1))).not.toContain('testing.js');
      expect([...graph.eager.keys()].some((file) => readFileSync(file, 'utf8').includes('expect.extend'))).toBe(false);
    });
  });

  describe('the node entry', () => {
    beforeAll(requireBuild);

    // With worker threads, the calling thread only reads files and extracts their text: loading
    // wink-nlp and the classifier there would slow the thread that bounds the CLI's run time.
    it('loads the NLP pipeline only on demand, in both builds', () => {
      const graph = moduleGraph(join(dist, 'node.js'));
      const eagerPackages = [...graph.eager.values()].flatMap((imports) => imports.static.filter((specifier) => !specifier.startsWith('.') && !isNodeModule(specifier)));
      expect(eagerPackages).not.toContain('wink-nlp');
      expect([...graph.lazy.values()].some((imports) => imports.static.includes('wink-nlp'))).toBe(true);
      const script = "require('./dist/node.cjs'); console.log(JSON.stringify(Object.keys(require.cache).filter((file) => file.includes('node_modules'))))";
      const { status, output } = run(process.execPath, ['-e', script]);
      expect(status, output).toBe(0);
      expect(output).not.toMatch(/wink-nlp|wink-eng-lite-web-model/);
    });
  });

  describe('the testing entry', () => {
    beforeAll(requireBuild);

    it.skipIf(!hasCorpus)('registers its matchers with the importer\'s vitest on import', async () => {
      const esm = (await import(/* @vite-ignore */ pathToFileURL(join(dist, 'index.js')).href)) as Main;
      const report = esm.tagText(readSeed('000'));
      expect(() => expect(report).toCiteExactly()).toThrow(/toCiteExactly/); // not yet registered
      const testing = (await import(/* @vite-ignore */ pathToFileURL(join(dist, 'testing.js')).href)) as typeof import('practice-themes/testing');
      expect(Object.keys(testing).sort()).toEqual(['assertFloors', 'loadGold', 'scoreAgainstGold']);
      expect(report).toCiteExactly();
      expect(report).toHaveFinding({ theme: 'peps', polarity: 'strength', paragraph: '28' });
    });

    it('keeps vitest external and augments its Assertion type', () => {
      expect(importsOf(join(dist, 'testing.js')).static).toContain('vitest');
      expect(importsOf(join(dist, 'testing.cjs')).required).toContain('vitest');
      const types = readFileSync(join(dist, 'testing.d.ts'), 'utf8');
      expect(types).toMatch(/declare module ['"]vitest['"] \{\s*interface Assertion<T = any> extends PracticeThemesMatchers<void>/);
      expect(types).toMatch(/interface AsymmetricMatchersContaining extends PracticeThemesMatchers \{/);
    });
  });
});
