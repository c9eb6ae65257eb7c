/**
 * Reading a gold corpus from disk (Node only): gold files name their document relative to a
 * corpus folder ("pdfs/bedford-2025.pdf", "seeds/000_....txt").
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PracticeThemesError, validationError } from '../errors.js';
import { analyseWith, createTagger } from '../pipeline.js';
import { goldSchema, type Gold } from '../schemas/gold.js';
import type { TrainingDocument } from '../train/cross-validate.js';

export interface GoldDocument {
  id: string;
  group: string;
  input: string | Uint8Array;
  gold: Gold;
}

/** Loads every gold file of `goldDir` and the document each names under `corpusDir`. */
export function loadGoldCorpus(goldDir: string, corpusDir: string): GoldDocument[] {
  let files: string[];
  try {
    files = readdirSync(goldDir).filter((file) => file.endsWith('.json')).sort();
  } catch (cause) {
    throw new PracticeThemesError('FILE_NOT_FOUND', `cannot read the gold folder ${goldDir} — pass --gold <folder of gold JSON files>`, { cause });
  }
  const seen = new Map<string, string>();
  return files.map((file) => {
    let json: unknown;
    try {
      // A byte-order mark (some Windows editors write one) is not part of the JSON.
      json = JSON.parse(readFileSync(join(goldDir, file), 'utf8').replace(/^\uFEFF/, ''));
    } catch (cause) {
      throw new PracticeThemesError('INVALID_GOLD', `gold file ${join(goldDir, file)} is not readable JSON (${(cause as Error).message}) — fix it or move it out of the folder`, { cause });
    }
    const parsed = goldSchema.safeParse(json);
    if (!parsed.success) throw validationError('INVALID_GOLD', `gold file ${file}`, parsed.error.issues, 'see corpus/README.md for the gold format');
    const gold = parsed.data;
    const earlier = seen.get(gold.report);
    if (earlier !== undefined) throw new PracticeThemesError('INVALID_GOLD', `gold files ${earlier} and ${file} are both for report "${gold.report}" — keep one`);
    seen.set(gold.report, file);
    if (!gold.source) throw new PracticeThemesError('INVALID_GOLD', `gold file ${file} has no "source" — add the document's path relative to the corpus folder`);
    // A relative source is under the corpus folder; an absolute one is used as it is.
    const path = resolve(corpusDir, gold.source);
    let input: string | Uint8Array;
    try {
      input = gold.source.endsWith('.pdf') ? new Uint8Array(readFileSync(path)) : readFileSync(path, 'utf8');
    } catch (cause) {
      throw new PracticeThemesError('FILE_NOT_FOUND', `gold file ${file} names ${path}, which cannot be read — pass --corpus <folder holding ${gold.source}>`, { cause });
    }
    return { id: gold.report, group: gold.sameReportAs ?? gold.report, input, gold };
  });
}

/** Runs the rule stages over gold documents: candidates ready for training and cross-validation. */
export async function prepareTrainingDocuments(documents: readonly GoldDocument[]): Promise<TrainingDocument[]> {
  const tagger = createTagger({ classifier: 'rules' });
  const prepared: TrainingDocument[] = [];
  for (const document of documents) {
    const { structure, candidates } = await analyseWith(tagger, document.input);
    prepared.push({ id: document.id, group: document.group, candidates, paragraphs: structure.paragraphs, gold: document.gold });
  }
  return prepared;
}
