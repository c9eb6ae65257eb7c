/**
 * Bring your own theme: add "family time" to the default taxonomy and find where the seed reports
 * judge it. Run: npx tsx examples/custom-theme.ts
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
