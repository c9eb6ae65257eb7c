/**
 * Loads the gold corpus and runs the tagger's analysis (rules only, no trained model) over it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseWith, createTagger } from '../src/pipeline.js';
import { goldSchema } from '../src/schemas/gold.js';
import type { TrainingDocument } from '../src/train/cross-validate.js';
import { annotatedDocuments, documentPath, goldDir, readDocument, sameReport } from './corpus.js';

export async function loadTrainingDocuments(): Promise<TrainingDocument[]> {
  const tagger = createTagger({ classifier: 'rules' });
  const documents: TrainingDocument[] = [];
  for (const id of annotatedDocuments()) {
    const gold = goldSchema.parse(JSON.parse(readFileSync(join(goldDir, `${id}.json`), 'utf8')));
    const { structure, candidates } = await analyseWith(tagger, readDocument(documentPath(id)));
    documents.push({ id, group: sameReport[id] ?? id, candidates, paragraphs: structure.paragraphs, gold });
  }
  return documents;
}
