/**
 * Bring your own theme: add "family time" to the default taxonomy and print what the tagger finds
 * of it in the seed reports. Run: npx tsx examples/custom-theme.ts
 *
 * A theme the model was never trained on is judged less well than the default ones (README,
 * Limitations). Here it finds family time judged in seeds 002 ¶27 and 004 ¶20, but also tags
 * 000 ¶42, which is about renaming the contact centre (young people "have been effective" in it),
 * not about family time itself; and it leaves out 000 ¶20 ("well-planned and supported contact
 * with family members"): the model decides that paragraph does not judge it, even at minConfidence 0.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createTagger } from 'practice-themes';

const tagger = createTagger({
  // The trained classifier was never shown "family time"; it judges it from what it learned of
  // other themes (on unseen themes it beats the lexicon rules: npm run eval -- --unseen-themes).
  extraThemes: [{ id: 'family_time', label: 'Family time', description: 'Contact between children in care and their families.', terms: ['family time', 'contact with family', 'contact with their family'] }],
  themes: ['family_time'],
});
const seeds = new URL('../../shared/corpus/seeds/', import.meta.url);
for (const file of readdirSync(seeds).filter((name) => name.endsWith('.txt')).sort()) {
  for (const finding of tagger.tagText(readFileSync(new URL(file, seeds), 'utf8')).findings) {
    console.log(`${file.slice(0, 3)} ¶${finding.paragraph} ${finding.polarity} ${finding.confidence} (${finding.cues.join(', ') || 'no cue'}): ${finding.sentence}`);
  }
}
