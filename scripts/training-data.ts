/**
 * The repository's gold corpus, prepared for training and cross-validation.
 */
import { prepareTrainingDocuments, loadGoldCorpus } from '../src/evaluate/corpus.js';
import type { TrainingDocument } from '../src/train/cross-validate.js';
import { goldDir, sharedCorpus } from './corpus.js';

export async function loadTrainingDocuments(): Promise<TrainingDocument[]> {
  return prepareTrainingDocuments(loadGoldCorpus(goldDir, sharedCorpus));
}
