/**
 * Bring your own theme: add "family time" to the default taxonomy and find where a report judges it.
 * Run: npx tsx examples/custom-theme.ts
 */
import { readFileSync } from 'node:fs';
import { createTagger } from 'practice-themes';

const tagger = createTagger({
  // The trained classifier knows only the default themes; the lexicon rules judge new ones.
  classifier: 'rules',
  extraThemes: [{ id: 'family_time', label: 'Family time', description: 'Contact between children in care and their families.', terms: ['family time', 'contact with family', 'contact with their family'] }],
  themes: ['family_time'],
});
const text = readFileSync(new URL('../../shared/corpus/seeds/000_4cd93a9b524f4123.txt', import.meta.url), 'utf8');
for (const finding of tagger.tagText(text).findings) {
  console.log(`¶${finding.paragraph} ${finding.polarity} (${finding.cues.join(', ') || 'no cue'}): ${finding.sentence}`);
}
