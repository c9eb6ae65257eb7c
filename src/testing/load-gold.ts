/**
 * Reading a gold file (paragraph labels per ANNOTATION.md) from disk, validated.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PracticeThemesError, validationError } from '../errors.js';
import { goldSchema, type Gold } from '../schemas/gold.js';

/**
 * Reads and validates a gold JSON file: `{ "report": "...", "paragraphs": { "27": [["peps", "weakness"]] } }`.
 *
 * @param path - a file path or file: URL.
 * @returns the gold, validated.
 * @throws PracticeThemesError FILE_NOT_FOUND when there is no such file; INVALID_GOLD when it is
 *   not JSON or not a gold file (`error.issues` lists the problems).
 * @example
 * const gold = loadGold(new URL('./gold/gateshead-2019.json', import.meta.url));
 */
export function loadGold(path: string | URL): Gold {
  const file = path instanceof URL ? fileURLToPath(path) : path;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new PracticeThemesError('FILE_NOT_FOUND', `no gold file at "${file}" — check the path (relative paths start from the current directory, ${process.cwd()})`, { cause });
    throw new PracticeThemesError('INVALID_GOLD', `the gold file "${file}" could not be read (${code ?? String(cause)}) — check that it is a readable file`, { cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (cause) {
    throw new PracticeThemesError('INVALID_GOLD', `the gold file "${file}" is not JSON (${(cause as Error).message}) — gold files look like { "report": "...", "paragraphs": { "27": [["peps", "weakness"]] } }`, { cause });
  }
  const parsed = goldSchema.safeParse(value);
  if (!parsed.success) throw validationError('INVALID_GOLD', `the gold file "${file}"`, parsed.error.issues, 'gold files look like { "report": "...", "paragraphs": { "27": [["peps", "weakness"]] } }');
  return parsed.data;
}
