/**
 * The shared corpus (../shared/corpus next to the repository): seed texts and published PDFs.
 * Tests read it relative to the repository root, and skip when it is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (the folder holding package.json), as a path ending in '/'. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** `<repo>/../shared/corpus/` as a URL. */
export const corpusUrl = new URL('../shared/corpus/', pathToFileURL(repoRoot));

/** `<repo>/../shared/corpus/` as a path. */
export const corpusDir = fileURLToPath(corpusUrl);

/** True when the shared corpus is present (tests that need it use `describe.skipIf(!hasCorpus)`). */
export const hasCorpus = existsSync(fileURLToPath(new URL('seeds/', corpusUrl))) && existsSync(fileURLToPath(new URL('pdfs/', corpusUrl)));

const listFolder = (folder: string, extension: string): string[] => {
  const path = fileURLToPath(new URL(`${folder}/`, corpusUrl));
  return existsSync(path) ? readdirSync(path).filter((name) => name.endsWith(extension)).sort() : [];
};

/** File names of the seed texts, e.g. "000_4cd93a9b524f4123.txt". */
export const seedFiles: readonly string[] = listFolder('seeds', '.txt');

/** File names of the shared PDFs, e.g. "gateshead-2019.pdf". */
export const pdfFiles: readonly string[] = listFolder('pdfs', '.pdf');

/** The seed file whose name starts with `prefix` ("000" → "000_4cd93a9b524f4123.txt"). */
export function seedFile(prefix: string): string {
  const found = seedFiles.find((name) => name.startsWith(`${prefix}_`) || name === prefix);
  if (!found) throw new Error(`no seed "${prefix}" in ${corpusDir}seeds/`);
  return found;
}

/** The text of a seed, by its prefix ("000") or file name. */
export function readSeed(prefix: string): string {
  return readFileSync(fileURLToPath(new URL(`seeds/${seedFile(prefix)}`, corpusUrl)), 'utf8');
}

/** The bytes of a shared PDF, by file name ("gateshead-2019.pdf"). */
export function readPdf(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`pdfs/${name}`, corpusUrl))));
}

/** The bytes of a file under tests/fixtures/ ("pdf/encrypted.pdf"). */
export function readFixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url))));
}

/**
 * A shared PDF with 50 KB of its body overwritten by "x" from byte 2000, its size and %%EOF kept:
 * damage in the middle of a file, where pdf.js fails to parse the page tree and, besides failing
 * the call, leaves rejected promises of its own unhandled.
 */
export function damagedPdf(name: string): Uint8Array {
  const bytes = readPdf(name);
  bytes.fill(0x78, 2000, Math.min(bytes.length - 1024, 52_000));
  return bytes;
}
