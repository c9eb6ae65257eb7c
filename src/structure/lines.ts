/**
 * Lines of the source text with their offsets, Markdown markup cut out as skipped ranges,
 * and the features the later structure steps test.
 */
import type { Span } from '../span.js';

export interface Line {
  index: number;
  /** The line's range in the source text, without its line break. */
  start: number;
  end: number;
  /** Ranges of the line that carry text (indentation and Markdown markup left out). */
  pieces: Span[];
  /** The pieces joined: the text tests look at. */
  plain: string;
  indent: number;
  blank: boolean;
  /** A form feed: the PDF's page boundary. */
  pageBreak: boolean;
  /** A Markdown heading (`## ...`) and its level, or 0. */
  headingLevel: number;
  /** The whole line is emphasised (`**Title**`): a heading in council papers. */
  emphasised: boolean;
  /**
   * Cut from a run-on line where a paragraph, heading or bullet began: the break (and any blank
   * line) before it was lost, so it is read as if it followed a blank line.
   */
  breakLost?: boolean;
}

// Markup removed from Markdown lines: emphasis markers, <sup> tags, heading hashes, hard-break
// spaces, and the brackets and address of a link or image ("[the local offer](https://…)" reads
// "the local offer"). The closing bracket comes before its lookbehind, so the lookbehind runs
// only at a "]", not at every character of a line.
const markdownMarkup = /\*\*|__|<\/?sup>|(?<=^|[\s(])\*(?=\S)|(?<=\S)\*(?=[\s.,;:)]|$)|!?\[(?=[^\]\n]+\]\([^)\s]+\))|\](?<=\[[^\]\n]+\])\([^)\s]+\)/g;

/** Splits the source into lines. Markdown markup is only cut when `markdown` is true. */
export function splitLines(text: string, markdown: boolean): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lines.push(describeLine(text, start, end, lines.length, markdown));
    if (end === text.length) break;
    start = end + 1;
  }
  return lines;
}

function describeLine(text: string, start: number, end: number, index: number, markdown: boolean): Line {
  const raw = text.slice(start, end);
  const pageBreak = raw.includes('\f');
  let contentStart = start;
  while (contentStart < end && /[\s\f]/.test(text.charAt(contentStart))) contentStart++;
  let contentEnd = end;
  while (contentEnd > contentStart && /[\s\f]/.test(text.charAt(contentEnd - 1))) contentEnd--;
  const indent = contentStart - start;
  let headingLevel = 0;
  let pieces: Span[] = contentEnd > contentStart ? [{ start: contentStart, end: contentEnd }] : [];
  let emphasised = false;
  if (markdown && pieces.length > 0) {
    const heading = /^(#{1,6})\s+/.exec(text.slice(contentStart, contentEnd));
    if (heading) {
      headingLevel = heading[1]!.length;
      contentStart += heading[0].length;
    }
    const content = text.slice(contentStart, contentEnd);
    // Bold-only lines are headings; italic-only lines are quotations, which stay paragraphs.
    emphasised = /^\*\*[^*]+\*\*[:.]?$/.test(content);
    pieces = cutMarkup(content, contentStart);
  }
  const plain = pieces.map((piece) => text.slice(piece.start, piece.end)).join('');
  return { index, start, end, pieces, plain, indent, blank: plain.trim().length === 0, pageBreak, headingLevel, emphasised };
}

function cutMarkup(content: string, offset: number): Span[] {
  const pieces: Span[] = [];
  let cursor = 0;
  for (const match of content.matchAll(markdownMarkup)) {
    const at = match.index ?? 0;
    if (at > cursor) pieces.push({ start: offset + cursor, end: offset + at });
    cursor = at + match[0].length;
  }
  if (cursor < content.length) pieces.push({ start: offset + cursor, end: offset + content.length });
  // Markup can leave spaces at either edge; they are not content.
  return trimPieces(pieces, content, offset);
}

function trimPieces(pieces: Span[], content: string, offset: number): Span[] {
  const trimmed = pieces.map((piece) => ({ ...piece }));
  while (trimmed.length > 0) {
    const first = trimmed[0]!;
    while (first.start < first.end && /\s/.test(content.charAt(first.start - offset))) first.start++;
    if (first.start < first.end) break;
    trimmed.shift();
  }
  while (trimmed.length > 0) {
    const last = trimmed[trimmed.length - 1]!;
    while (last.end > last.start && /\s/.test(content.charAt(last.end - 1 - offset))) last.end--;
    if (last.end > last.start) break;
    trimmed.pop();
  }
  return trimmed;
}

/** Drops the first `count` characters of a line's plain text from its pieces (a number or bullet). */
export function dropLeading(line: Line, count: number, text: string): Span[] {
  const pieces: Span[] = [];
  let remaining = count;
  for (const piece of line.pieces) {
    const length = piece.end - piece.start;
    if (remaining >= length) {
      remaining -= length;
      continue;
    }
    pieces.push({ start: piece.start + remaining, end: piece.end });
    remaining = 0;
  }
  const first = pieces[0];
  if (first) while (first.start < first.end && /\s/.test(text.charAt(first.start))) first.start++;
  return pieces.filter((piece) => piece.end > piece.start);
}

/** What {@link repairLineBreaks} changed, for the report's messages. */
export interface LineRepairs {
  /** Every line break of wrapped text came out as a blank line; single blank lines were read as line breaks. */
  doubleSpaced: boolean;
  /** Lines over RUN_ON_LENGTH characters (line breaks lost) that were split at inline paragraph numbers. */
  runOnLines: number;
}

// No line of the shared documents is longer than ~930 characters (one paragraph per line).
const RUN_ON_LENGTH = 2000;
// Where a line began before its break was lost: each pattern is a statement about how reports
// are laid out, and the cut falls at the end of its match.
const lineStarts: readonly RegExp[] = [
  // A paragraph number and a capital after a sentence end or a grade ("... a difference. 20.
  // Children", "... Good 1. Early help").
  /(?:[.!?]["'”’)]?|\b(?:[Gg]ood|[Oo]utstanding|[Ii]nadequate|[Rr]equires improvement(?: to be good)?))\s+(?=\d{1,3}\.\s+["'“‘(]?[A-Z])/,
  // A graded judgement heading ("The experiences and progress of ...: good").
  /\s+(?=The (?:experiences and progress of|impact of leaders|effectiveness of leaders)\b[^.]{0,120}:\s*(?:[Gg]ood|[Oo]utstanding|[Ii]nadequate|[Rr]equires improvement))/,
  // After a sentence end or a closing bracket (the National Framework reference that ends an
  // improvement bullet): the "What needs to improve" heading, or the opening of Ofsted's closing
  // boilerplate page, which then stays out of the last paragraph.
  /(?:[.!?]["'”’)]?|\))\s+(?=What needs to improve\b|The Office for Standards in Education|If you would like a copy of this document)/,
  // The summary, after the overall effectiveness grade.
  /\bOverall effectiveness:?\s+(?:[Gg]ood|[Oo]utstanding|[Ii]nadequate|[Rr]equires improvement(?: to be good)?)\s+(?=[A-Z])/,
  // A bullet: "•", or a dash after a sentence end.
  /\s+(?=•\s)/,
  /[.!?]["'”’)]?\s+(?=[-–]\s+["'“‘(]?[A-Z])/,
];
const inlineParagraphStart = new RegExp(lineStarts.map((pattern) => pattern.source).join('|'), 'g');

/**
 * Repairs two ways pasting loses line structure, keeping every offset:
 * - double spacing (some PDF viewers copy each wrapped line followed by a blank line, and a
 *   paragraph gap as several): when nearly every line is followed by exactly one blank line and
 *   most lines end mid-sentence, single blank lines are dropped and longer runs stay gaps;
 * - run-on text (line breaks lost altogether): a line over RUN_ON_LENGTH characters is split
 *   before each inline paragraph number that follows a sentence end or a grade, before each
 *   bullet, and before the "What needs to improve" heading and the closing Ofsted boilerplate.
 * Lines are renumbered; Markdown lines are left alone.
 */
export function repairLineBreaks(lines: Line[], text: string, markdown: boolean): { lines: Line[]; repairs: LineRepairs } {
  let repaired = lines;
  const doubleSpaced = !markdown && isDoubleSpaced(lines);
  if (doubleSpaced) repaired = lines.filter((_, index) => !isSingleGap(lines, index));
  let runOnLines = 0;
  if (!markdown && repaired.some((line) => line.end - line.start > RUN_ON_LENGTH)) {
    repaired = repaired.flatMap((line) => {
      if (line.end - line.start <= RUN_ON_LENGTH) return [line];
      runOnLines++;
      const cuts = [line.start];
      const content = text.slice(line.start, line.end);
      for (const match of content.matchAll(inlineParagraphStart)) cuts.push(line.start + (match.index ?? 0) + match[0].length);
      cuts.push(line.end);
      return cuts.slice(0, -1).map((from, at) => ({ ...describeLine(text, from, cuts[at + 1]!, 0, false), ...(at > 0 ? { breakLost: true } : {}) }));
    });
  }
  if (repaired !== lines) repaired = repaired.map((line, index) => ({ ...line, index }));
  return { lines: repaired, repairs: { doubleSpaced, runOnLines } };
}

function isDoubleSpaced(lines: readonly Line[]): boolean {
  let content = 0;
  let adjacent = 0;
  let singleGaps = 0;
  let openEnded = 0;
  lines.forEach((line, index) => {
    if (line.blank) {
      if (isSingleGap(lines, index)) singleGaps++;
      return;
    }
    content++;
    if (lines[index + 1] && !lines[index + 1]!.blank) adjacent++;
    if (!/[.!?:;]["'”’)]?$/.test(line.plain.trim())) openEnded++;
  });
  return content >= 20 && adjacent <= content * 0.1 && singleGaps >= content * 0.6 && openEnded >= content * 0.5;
}

/** A blank line with text on the line before it and on the line after it. */
function isSingleGap(lines: readonly Line[], index: number): boolean {
  return lines[index]!.blank && index > 0 && index < lines.length - 1 && !lines[index - 1]!.blank && !lines[index + 1]!.blank;
}
