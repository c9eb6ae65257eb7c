/**
 * Which gold documents a trained model has seen, recognised by their paragraphs rather than their
 * ids: a user's gold for gateshead-2019.pdf is the same report as the pasted seed the shipped
 * model was trained on, under another name. Node only (it hashes with node:crypto).
 */
import { createHash } from 'node:crypto';

// Shorter paragraphs (headings, one-line bullets) recur across reports and would match by chance.
const SHORTEST = 80;

/** A short hash of a paragraph's letters and digits, or undefined for a paragraph too short to tell reports apart. */
export function paragraphFingerprint(text: string): string | undefined {
  const letters = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (letters.length < SHORTEST) return undefined;
  return createHash('sha1').update(letters).digest('hex').slice(0, 12);
}

/** The sorted, distinct fingerprints of many documents' paragraphs (what a model records it was trained on). */
export function fingerprintsOf(paragraphs: Iterable<{ text: string }>): string[] {
  const prints = new Set<string>();
  for (const paragraph of paragraphs) {
    const print = paragraphFingerprint(paragraph.text);
    if (print !== undefined) prints.add(print);
  }
  return [...prints].sort();
}

/** The share (0–1) of a document's long paragraphs found among `known` fingerprints; 0 when it has none. */
export function shareSeen(paragraphs: readonly { text: string }[], known: ReadonlySet<string>): number {
  const prints = paragraphs.map((paragraph) => paragraphFingerprint(paragraph.text)).filter((print): print is string => print !== undefined);
  return prints.length === 0 ? 0 : prints.filter((print) => known.has(print)).length / prints.length;
}
