/**
 * Where the shared corpus is, and which documents the gold corpus covers.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const sharedCorpus = process.env.PRACTICE_THEMES_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus');

/** A document of the shared corpus: its id and its path relative to the corpus folder. */
export interface CorpusDocument {
  id: string;
  source: string;
}

/** Seeds are identified by their file name without extension; PDFs likewise. */
export function documentPath(id: string): CorpusDocument {
  const seed = join('seeds', `${id}.txt`);
  if (existsSync(join(sharedCorpus, seed))) return { id, source: seed };
  return { id, source: join('pdfs', `${id}.pdf`) };
}

export function readDocument(document: CorpusDocument): string | Uint8Array {
  const path = join(sharedCorpus, document.source);
  return document.source.endsWith('.pdf') ? new Uint8Array(readFileSync(path)) : readFileSync(path, 'utf8');
}

export const annotationsDir = join(repoRoot, 'corpus', 'annotations');
export const goldDir = join(repoRoot, 'corpus', 'gold');

/** Ids of documents with a first annotation pass. */
export function annotatedDocuments(): string[] {
  return readdirSync(annotationsDir)
    .filter((file) => file.endsWith('.pass1.json'))
    .map((file) => file.replace(/\.pass1\.json$/, ''))
    .sort();
}

/** Seeds 000, 002 and 004 are pasted copies of three shared PDFs: one report each. */
export const sameReport: Record<string, string> = {
  '000_4cd93a9b524f4123': 'gateshead-2019',
  '002_f6ef2491d3a8fe84': 'north-tyneside-2020',
  '004_b273e26e43f8453e': 'newcastle-upon-tyne-2022',
};
