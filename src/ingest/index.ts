/**
 * Ingest: caller input → Source (normalised text with a map back to the input).
 */
import { assertTextual, decodeTextBytes, isPdfBytes, looksLikeMarkdown, toBytes, unsupported, type InputKind, type ReportInput } from './detect.js';
import { normaliseText } from './normalise.js';
import { PracticeThemesError } from '../errors.js';

export type { InputKind, ReportInput } from './detect.js';

/** A page of a PDF: its 1-based number and its range in the source text. */
export interface SourcePage {
  number: number;
  start: number;
  end: number;
}

/** The normalised text of one input. `origins[i]` is the offset in `raw` that `text[i]` came from. */
export interface Source {
  kind: InputKind;
  /** The text as the caller gave it (or as extracted from the PDF). */
  raw: string;
  /** `raw` after Unicode normalisation: the text every later stage reads. */
  text: string;
  origins: Int32Array;
  /** PDF pages, as ranges of `text`; empty for text input. */
  pages: SourcePage[];
}

/** Ingests a string synchronously. Throws EMPTY_INPUT, BINARY_INPUT or UNSUPPORTED_INPUT. */
export function ingestText(input: unknown): Source {
  if (typeof input !== 'string') {
    if (input instanceof Uint8Array || input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
      const bytes = toBytes(input);
      if (isPdfBytes(bytes)) {
        throw new PracticeThemesError('UNSUPPORTED_INPUT', 'tagText() got PDF bytes, and PDF reading is asynchronous — use `await tagReport(bytes)` instead');
      }
      return textSource(decodeTextBytes(bytes), 'bytes');
    }
    throw unsupported(input);
  }
  return textSource(input, 'string');
}

function textSource(input: string, from: 'string' | 'bytes'): Source {
  assertTextual(input, from);
  const { text, origins } = normaliseText(input);
  return { kind: looksLikeMarkdown(text) ? 'markdown' : 'text', raw: input, text, origins, pages: [] };
}

/** Ingests any accepted input; PDF bytes are read with unpdf, loaded only when a PDF arrives. */
export async function ingest(input: ReportInput): Promise<Source> {
  if (typeof input === 'string') return ingestText(input);
  const bytes = toBytes(input);
  if (!isPdfBytes(bytes)) return textSource(decodeTextBytes(bytes), 'bytes');
  const { extractPdfText } = await import('./pdf.js');
  const extracted = await extractPdfText(bytes);
  const { text, origins } = normaliseText(extracted.text);
  const pages = extracted.pages.map((page) => ({ number: page.number, start: indexOfOrigin(origins, page.start), end: indexOfOrigin(origins, page.end) }));
  return { kind: 'pdf', raw: extracted.text, text, origins, pages };
}

// First normalised offset whose origin is at or after `origin` (origins never decrease).
function indexOfOrigin(origins: Int32Array, origin: number): number {
  let low = 0;
  let high = origins.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((origins[middle] ?? 0) < origin) low = middle + 1;
    else high = middle;
  }
  return low;
}
