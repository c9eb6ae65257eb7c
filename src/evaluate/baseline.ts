/**
 * The keyword baseline: a theme wherever a taxonomy term occurs, polarity from wink-nlp's
 * sentence sentiment. It shows what the real classifier adds.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Finding } from '../findings/aggregate.js';
import type { Report } from '../pipeline.js';
import { findMentions } from '../themes/match.js';
import { defaultTaxonomy, indexTerms } from '../themes/taxonomy.js';
import type { Taxonomy } from '../schemas/taxonomy.js';

/** Re-tags a report's sentences with the baseline; returns baseline findings (one per paragraph × theme × polarity). */
export function createBaseline(taxonomy: Taxonomy = defaultTaxonomy()): (report: Report) => Finding[] {
  const nlp = winkNLP(model);
  const themes = indexTerms(taxonomy);
  return (report) => {
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const sentence of report.sentences) {
      const mentions = findMentions(sentence.text, themes);
      if (mentions.length === 0) continue;
      const sentiment = nlp.readDoc(sentence.text).out(nlp.its.sentiment) as unknown as number;
      const polarity = sentiment > 0 ? 'strength' : sentiment < 0 ? 'weakness' : 'neutral';
      for (const theme of new Set(mentions.map((mention) => mention.theme))) {
        const id = `${sentence.paragraph}\u0000${theme}\u0000${polarity}`;
        if (seen.has(id)) continue;
        seen.add(id);
        findings.push({ theme, polarity, paragraph: sentence.paragraph, sentence: sentence.text, start: sentence.start, end: sentence.end, confidence: Math.min(1, Math.abs(sentiment)), cues: [], support: 1, page: null });
      }
    }
    return findings;
  };
}
