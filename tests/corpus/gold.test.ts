/**
 * The gold corpus: valid, complete (every paragraph the tagger cites is present), and exactly what
 * `npm run gold` builds from the committed annotation passes and reviews — so gold cannot drift from its source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTagger } from 'practice-themes';
import { goldSchema } from '../../src/schemas/gold.js';
import { buildGold, serialiseGold } from '../../scripts/build-gold.js';
import { annotatedDocuments, goldDir } from '../../scripts/corpus.js';

const ids = annotatedDocuments();
const tagger = createTagger({ classifier: 'rules' });

describe('gold corpus', () => {
  it('covers the five seeds and at least twelve shared PDFs', () => {
    expect(ids.filter((id) => /^\d{3}_/.test(id))).toHaveLength(5);
    expect(ids.filter((id) => !/^\d{3}_/.test(id)).length).toBeGreaterThanOrEqual(12);
  });

  describe.each(ids)('%s', (id) => {
    let built: Awaited<ReturnType<typeof buildGold>>;
    beforeAll(async () => {
      built = await buildGold(id, tagger);
    });

    it('is valid and is what npm run gold builds from the annotation pass', () => {
      const committed = readFileSync(join(goldDir, `${id}.json`), 'utf8');
      expect(goldSchema.safeParse(JSON.parse(committed)).success).toBe(true);
      expect(committed).toBe(serialiseGold(built.gold));
    });

    it('lists every paragraph the tagger cites, and every annotated label found a paragraph', () => {
      expect(Object.keys(built.gold.paragraphs)).toHaveLength(built.paragraphs);
      expect(built.unmatched.flatMap((entry) => entry.labels)).toEqual([]);
    });

    it('applies every change of its review (none names a missing paragraph or label)', () => {
      expect(built.reviewProblems).toEqual([]);
    });
  });
});
