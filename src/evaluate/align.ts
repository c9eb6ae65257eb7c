/**
 * Aligns an annotation pass to the tagger's paragraphs by each annotated paragraph's verbatim
 * first words, so gold follows the printed text rather than any one segmentation.
 */
import type { AnnotationPass, Gold, GoldLabel } from '../schemas/gold.js';
import type { Paragraph } from '../structure/index.js';

export interface Alignment {
  gold: Gold;
  /** Annotated units whose first words open no paragraph but sit inside one (labels merged into it). */
  merged: { annotated: string; into: string }[];
  /** Annotated units found nowhere (their labels are dropped, and listed here). */
  unmatched: { annotated: string; firstWords: string; labels: GoldLabel[] }[];
  /** Annotated numbered paragraphs whose number differs from the aligned paragraph's id. */
  renumbered: { annotated: string; aligned: string }[];
}

const comparable = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[‘’‚′]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[*_#]/g, '')
    .replace(/[◼•■▪●]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Builds a gold file (every paragraph present) from one or more passes over the same document. */
export function alignAnnotations(report: string, paragraphs: readonly Paragraph[], passes: readonly AnnotationPass[], source?: string): Alignment {
  const texts = paragraphs.map((paragraph) => comparable(paragraph.text));
  const labels = new Map<string, GoldLabel[]>(paragraphs.map((paragraph) => [paragraph.id, []]));
  const merged: Alignment['merged'] = [];
  const unmatched: Alignment['unmatched'] = [];
  const renumbered: Alignment['renumbered'] = [];
  for (const pass of passes) {
    let cursor = 0;
    for (const entry of pass.paragraphs) {
      const words = comparable(entry.firstWords).replace(/^\(?[ivx]+\)\s*/, '');
      const probe = words.slice(0, 60);
      let index = findFrom(texts, cursor, (text) => text.startsWith(probe));
      let kind: 'start' | 'inside' = 'start';
      if (index === -1) index = findFrom(texts, 0, (text) => text.startsWith(probe));
      if (index === -1) {
        index = findFrom(texts, Math.max(0, cursor - 1), (text) => text.includes(probe));
        if (index === -1) index = findFrom(texts, 0, (text) => text.includes(probe));
        kind = 'inside';
      }
      // First words copied across a paragraph edge (a lead-in line, then its bullets): the longest
      // word-prefix of at least three words that opens a paragraph identifies it.
      if (index === -1) {
        const words = probe.split(' ');
        for (let length = words.length - 1; length >= 3 && index === -1; length--) {
          const shorter = words.slice(0, length).join(' ');
          index = findFrom(texts, cursor, (text) => text.startsWith(shorter));
          kind = 'start';
        }
      }
      if (index === -1) {
        unmatched.push({ annotated: entry.id, firstWords: entry.firstWords, labels: entry.labels });
        continue;
      }
      const paragraph = paragraphs[index]!;
      cursor = index;
      if (kind === 'inside') merged.push({ annotated: entry.id, into: paragraph.id });
      if (/^\d+$/.test(entry.id) && /^\d+$/.test(paragraph.id) && entry.id !== paragraph.id) renumbered.push({ annotated: entry.id, aligned: paragraph.id });
      const list = labels.get(paragraph.id)!;
      for (const label of entry.labels) if (!list.some((existing) => existing[0] === label[0] && existing[1] === label[1])) list.push(label);
    }
  }
  const gold: Gold = { report, ...(source ? { source } : {}), paragraphs: Object.fromEntries(paragraphs.map((paragraph) => [paragraph.id, sortLabels(labels.get(paragraph.id)!)])) };
  return { gold, merged, unmatched, renumbered };
}

function findFrom(texts: readonly string[], from: number, test: (text: string) => boolean): number {
  for (let index = from; index < texts.length; index++) if (test(texts[index]!)) return index;
  return -1;
}

function sortLabels(labels: GoldLabel[]): GoldLabel[] {
  return [...labels].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}
