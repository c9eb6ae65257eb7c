/**
 * Lines → blocks: front matter, the judgement table, headings, paragraphs and bullets.
 * Page furniture is skipped, wrapped lines and page-split paragraphs are re-joined.
 */
import type { Span } from '../span.js';
import { dropLeading, type Line } from './lines.js';
import {
  frontMatterPattern,
  gradedRowPattern,
  improveHeadingPattern,
  judgementAreaStartPattern,
  judgementHeadingPattern,
  spacedJudgementHeadingPattern,
  tableWords,
  terminalPunctuation,
} from './patterns.js';

export type Genre = 'ofsted' | 'council';
export type Zone = 'front' | 'judgements' | 'summary' | 'improve' | 'body';
export type BlockKind = 'front' | 'table' | 'heading' | 'paragraph' | 'bullet';

export interface Block {
  kind: BlockKind;
  zone: Zone;
  /** Text ranges of each contributing line, prefix (number, bullet) already taken off. */
  lines: Span[][];
  /** Plain text of each contributing line, for the continuation tests. */
  plains: string[];
  /** The printed number or bullet glyph, kept in the reading text but outside the paragraph. */
  prefix?: Span;
  printedNumber?: number;
  /** A judgement heading's grade, e.g. "good". */
  grade?: string;
  headingLevel?: number;
  /** No further lines may join (a heading-numbered paragraph in a council paper). */
  closed?: boolean;
}

export interface BlockOptions {
  genre: Genre;
  /** Lines are hard-wrapped at a page width (PDF text), rather than one line per paragraph. */
  wrapped: boolean;
  /** Typical line length of wrapped text, for telling a paragraph's short last line. */
  wrapWidth: number;
  /** Paragraph numbers were mostly lost (OCR), so page-top lines may start paragraphs. */
  numbersLost: boolean;
  /** The indentation most lines have: only a line indented further is marked as indented. */
  baseIndent: number;
}

const numberPattern = /^(\d{1,3})([.,])(?:\s+|$)/;
const bulletPattern = /^(?:•|[-*–](?=\s))\s*/;
// In OCR text the square bullet is read as "W" or "m" (seed 002).
const ocrBulletPattern = /^[Wm]\s+(?=[A-Z])/;

/** Groups the document's lines into blocks. `furniture[i]` marks lines to skip. */
export function buildBlocks(text: string, lines: Line[], furniture: boolean[], options: BlockOptions): { blocks: Block[]; strays: Line[] } {
  const blocks: Block[] = [];
  const strays: Line[] = [];
  let zone: Zone = 'front';
  let current: Block | undefined;
  let blankBefore = true;
  let lastPrinted = 0;
  let bodyCount = 0;

  const flush = (): void => {
    if (current && (current.lines.length > 0 || current.prefix)) blocks.push(current);
    current = undefined;
  };
  const start = (block: Block): void => {
    flush();
    current = block;
  };
  const nextContentLine = (from: number): Line | undefined => {
    for (let index = from; index < lines.length; index++) {
      const line = lines[index]!;
      if (!furniture[index] && !line.blank) return line;
    }
    return undefined;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (furniture[index]) continue;
    if (line.blank) {
      blankBefore = true;
      continue;
    }
    if (line.breakLost) blankBefore = true;
    const plain = line.plain.trim();

    if (zone === 'front') {
      const tableHeader = /^judgements?\b/i.test(plain) && (/grade/i.test(plain) || /^grades?$/i.test(nextContentLine(index + 1)?.plain.trim() ?? ''));
      // Single inspection framework reports number their table rows and carry no header.
      if (tableHeader || (gradedRowPattern.test(plain) && isTableLine(plain))) {
        start({ kind: 'table', zone: 'judgements', lines: [line.pieces], plains: [plain] });
        zone = 'judgements';
        blankBefore = false;
        continue;
      }
      const frontContinues = current?.kind === 'front' && !blankBefore;
      // A report may open with the authority's name alone on its first line.
      const openingName = blocks.length === 0 && !current && plain.split(/\s+/).length <= 4 && !/[.,:;]/.test(plain) && options.genre === 'ofsted';
      if (line.headingLevel === 0 && (frontMatterPattern.test(plain) || line.emphasised || frontContinues || openingName)) {
        if (frontContinues) appendLine(current!, line.pieces, plain);
        else start({ kind: 'front', zone: 'front', lines: [line.pieces], plains: [plain] });
        blankBefore = false;
        continue;
      }
      zone = 'summary';
    }

    if (zone === 'judgements') {
      if (isTableLine(plain)) {
        appendLine(current!, line.pieces, plain);
        blankBefore = false;
        continue;
      }
      flush();
      zone = 'summary';
    }

    const heading = matchJudgementHeading(lines, furniture, index);
    if (heading) {
      start({ kind: 'heading', zone: 'body', lines: heading.lines, plains: [heading.title], grade: heading.grade });
      flush();
      zone = 'body';
      index = heading.lastIndex;
      blankBefore = false;
      continue;
    }
    if (improveHeadingPattern.test(plain)) {
      start({ kind: 'heading', zone: 'improve', lines: [line.pieces], plains: [plain] });
      flush();
      zone = 'improve';
      blankBefore = false;
      continue;
    }

    const number = numberPattern.exec(plain);
    const aloneNumber = number !== null && plain.length === number[0].trimEnd().length;
    // OCR can leave a second bare number right after a bare number ("21." then "22,"): residue.
    if (aloneNumber && current?.kind === 'paragraph' && current.lines.length === 0) {
      strays.push(line);
      continue;
    }
    if (number && acceptNumber(Number(number[1]), number[2]!, aloneNumber)) {
      const value = Number(number[1]);
      const content = dropLeading(line, number[0].length, text);
      const prefixStart = line.pieces[0]!.start;
      start({
        kind: 'paragraph',
        zone: 'body',
        lines: content.length > 0 ? [content] : [],
        plains: content.length > 0 ? [plain.slice(number[0].length)] : [],
        prefix: { start: prefixStart, end: prefixStart + number[1]!.length + 1 },
        printedNumber: value,
        headingLevel: line.headingLevel || undefined,
        closed: line.headingLevel > 0 || line.emphasised,
      });
      zone = 'body';
      lastPrinted = value;
      bodyCount = 0;
      blankBefore = false;
      continue;
    }

    if (options.genre === 'council' && isCouncilHeading(line, plain, blankBefore, lines[index + 1])) {
      start({ kind: 'heading', zone, lines: [line.pieces], plains: [plain], headingLevel: line.headingLevel || undefined });
      flush();
      blankBefore = false;
      continue;
    }
    // Ofsted reports' own headings ("Executive summary", "Inspection findings") stand alone between
    // blank lines; unnumbered text after one starts afresh rather than continuing a numbered paragraph.
    if (options.genre === 'ofsted' && isStandaloneTitle(plain, blankBefore, lines[index + 1])) {
      start({ kind: 'heading', zone: 'summary', lines: [line.pieces], plains: [plain] });
      flush();
      zone = 'summary';
      blankBefore = false;
      continue;
    }

    const bullet = bulletPattern.exec(plain) ?? (zone === 'improve' ? ocrBulletPattern.exec(plain) : null);
    // In the body of an Ofsted report a bullet list belongs to the numbered paragraph it follows.
    const bulletJoinsParagraph = bullet && options.genre === 'ofsted' && zone === 'body' && current?.kind === 'paragraph';
    if (bullet && !bulletJoinsParagraph) {
      const prefixStart = line.pieces[0]!.start;
      const content = dropLeading(line, bullet[0].length, text);
      start({
        kind: 'bullet',
        zone,
        lines: content.length > 0 ? [content] : [],
        plains: [plain.slice(bullet[0].length)],
        prefix: { start: prefixStart, end: prefixStart + bullet[0].trimEnd().length },
      });
      blankBefore = false;
      continue;
    }

    if (current && (current.kind === 'paragraph' || current.kind === 'bullet') && continues(current, line, plain, blankBefore, zone)) {
      appendLine(current, line.pieces, plain);
    } else {
      start({ kind: 'paragraph', zone, lines: [line.pieces], plains: [plain] });
      if (zone === 'body') bodyCount++;
    }
    blankBefore = false;
  }
  flush();
  return { blocks, strays };

  function acceptNumber(value: number, punctuation: string, alone: boolean): boolean {
    if (options.genre === 'council') return value >= Math.max(1, lastPrinted) && value <= lastPrinted + 5;
    const expected = lastPrinted + bodyCount + 1;
    // Reports occasionally print a number twice (Lambeth 2026 prints 57 twice).
    if (value === lastPrinted && value > 0 && bodyCount === 0 && punctuation === '.' && !alone) {
      return blankBefore || terminalPunctuation.test(current?.plains[current.plains.length - 1] ?? '');
    }
    if (value <= lastPrinted) return false;
    // A number mid-sentence at a line start is wrapped text, not a paragraph number.
    const afterSentence = blankBefore || !current || current.plains.length === 0 || terminalPunctuation.test(current.plains[current.plains.length - 1] ?? '');
    if (value === expected) return afterSentence || alone;
    if (!afterSentence) return false;
    return (punctuation === '.' || alone) && value <= expected + 3;
  }

  function continues(block: Block, line: Line, plain: string, afterBlank: boolean, currentZone: Zone): boolean {
    if (block.closed) return false;
    if (block.lines.length === 0) return true; // a number printed on a line of its own
    const last = block.plains[block.plains.length - 1] ?? '';
    const startsLower = /^[a-z]/.test(plain);
    const endsSentence = terminalPunctuation.test(last);
    // A page break leaves a blank line inside a sentence; a short unpunctuated line is a
    // sub-heading, not a broken sentence.
    // Every body paragraph of an Ofsted report that prints its numbers starts with one, so an
    // unnumbered block there is the same paragraph carried over a page break.
    if (options.genre === 'ofsted' && currentZone === 'body' && !options.numbersLost && block.kind === 'paragraph') return true;
    if (afterBlank) return startsLower || (!endsSentence && (options.wrapped || last.split(/\s+/).length > 15));
    if (startsLower) return true;
    if (!options.wrapped) return false;
    if (options.genre === 'ofsted' && currentZone === 'body') {
      // Extracted text marks a page top with a leading space; with numbers lost, a page top
      // after a finished sentence is the only trace of a new paragraph.
      return !(options.numbersLost && line.indent > options.baseIndent && endsSentence && /^[A-Z]/.test(plain));
    }
    // A sentence that ends on a line with room left for the next word ends its paragraph.
    // Proportional fonts make widths vary by paragraph, so compare with this block's own lines.
    const firstWord = plain.split(/\s/, 1)[0] ?? '';
    // The 50 lines before it at most: a run of thousands of lines (a Markdown table, damage)
    // would otherwise take a median of every earlier line at every line.
    const earlier = block.plains.slice(Math.max(0, block.plains.length - 51), -1).map((line) => line.length);
    const width = earlier.length >= 3 ? median(earlier) : options.wrapWidth;
    return !(endsSentence && last.length + 1 + firstWord.length < width);
  }

}

/** A council paper's heading: Markdown or bold, or a short unpunctuated line between blank lines. */
function isCouncilHeading(line: Line, plain: string, afterBlank: boolean, following: Line | undefined): boolean {
  if (line.headingLevel > 0 || line.emphasised) return true;
  if (!afterBlank || (following && !following.blank)) return false;
  if (!/^[A-Z]/.test(plain) || /[.,]$/.test(plain) || bulletPattern.test(plain)) return false;
  // A lone short word ("Or" between two bullets) belongs to the list, not a heading.
  return plain.split(/\s+/).length <= 12 && plain.length >= 4;
}

function isStandaloneTitle(plain: string, afterBlank: boolean, following: Line | undefined): boolean {
  if (!afterBlank || (following && !following.blank && !following.pageBreak)) return false;
  if (!/^[A-Z]/.test(plain) || /[.,;:?!]$/.test(plain) || plain.includes('\t') || bulletPattern.test(plain)) return false;
  const words = plain.split(/\s+/).length;
  return words >= 1 && words <= 8 && plain.length >= 4;
}

function appendLine(block: Block, pieces: Span[], plain: string): void {
  block.lines.push(pieces);
  block.plains.push(plain);
}

/** A line of the judgement table: only table words, a tab between cells, or a grade on its own. */
export function isTableLine(plain: string): boolean {
  if (plain.includes('\t')) return true;
  const words = plain.replace(/^\d+(?:\.\d+)*\.?\s+/, '').toLowerCase().replace(/[’']/g, "'").split(/[\s:;,]+/).filter(Boolean);
  return words.length > 0 && words.every((word) => tableWords.has(word) || /^\d+(\.\d+)?\.?$/.test(word));
}

/** A judgement heading over up to three consecutive lines, with its grade. */
function matchJudgementHeading(
  lines: Line[],
  furniture: boolean[],
  index: number,
): { lines: Span[][]; title: string; grade: string; lastIndex: number } | undefined {
  const parts: string[] = [];
  const spans: Span[][] = [];
  for (let offset = 0, at = index; offset < 3 && at < lines.length; at++) {
    const line = lines[at]!;
    if (furniture[at]) continue;
    if (line.blank) break;
    parts.push(line.plain.trim());
    spans.push(line.pieces);
    offset++;
    const joined = parts.join(' ');
    if (joined.length > 200) return undefined;
    const match = judgementHeadingPattern.exec(joined) ?? spacedJudgementHeadingPattern.exec(joined);
    if (match) return { lines: spans.slice(), title: match[1]!, grade: match[2]!.toLowerCase(), lastIndex: at };
    if (!judgementAreaStartPattern.test(parts[0]!)) return undefined;
  }
  return undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
