/**
 * Structure: Source → the report's reading text, sections and cited paragraphs.
 *
 * The reading text is assembled from the source: furniture lines are left out, wrapped lines
 * are joined with a space (or nothing, after a word-hyphen), blocks are separated by a blank
 * line. Every character keeps its offset in the caller's input, so nothing is lost.
 */
import type { Source } from '../ingest/index.js';
import type { ReportMessage } from '../messages.js';
import { TextBuilder } from '../_internal/offset-map.js';
import type { Span } from '../span.js';
import { buildBlocks, type Block, type Genre } from './blocks.js';
import { markFurniture } from './furniture.js';
import { repairLineBreaks, splitLines, type Line, type LineRepairs } from './lines.js';
import { assignCitationIds } from './numbers.js';

export type SectionKind = 'front' | 'judgements' | 'summary' | 'improve' | 'judgement' | 'heading';

/** A part of the report: the judgement table, the summary, a judgement section, a council heading. */
export interface Section {
  id: string;
  kind: SectionKind;
  title: string;
  /** The grade a judgement section heading prints ("good"). */
  grade?: string;
  start: number;
  end: number;
}

/** A paragraph of the report with its citation id. `text === report.text.slice(start, end)`. */
export interface Paragraph {
  /**
   * Citation id: the printed number ("27"), "summary:2", "improve:3", "14.2" in council papers, or
   * "15(2)" for the second paragraph printed with the same number.
   */
  id: string;
  /** The printed (or inferred) paragraph number, or null for unnumbered paragraphs. */
  number: number | null;
  /** True when the number was not printed (lost by OCR) and was inferred from the sequence. */
  numberInferred: boolean;
  /** Id of the section the paragraph sits in. */
  section: string;
  /** A bulleted item rather than running text. */
  bullet: boolean;
  /**
   * An item naming something to improve: a "What needs to improve" bullet, or a bullet under a
   * lead-in such as "we were told we need to improve the following:" (annotation rule 6).
   */
  improvementItem: boolean;
  start: number;
  end: number;
  text: string;
  /** The PDF page (1 = the first) the paragraph starts on; null for text input. */
  page: number | null;
}

/** The structure stage's result. */
export interface Structure {
  genre: Genre;
  text: string;
  /** For each character of `text`, its offset in the caller's input (the source's raw text). */
  origins: Int32Array;
  sections: Section[];
  paragraphs: Paragraph[];
  /** The PDF page (1 = the first) an offset of `text` lies on; null for text input. */
  pageAt(offset: number): number | null;
  /** Front matter and judgement-table lines, for metadata extraction. */
  frontLines: string[];
  tableLines: string[];
  messages: ReportMessage[];
}

/** Recovers the report's structure from its normalised source text. */
export function recoverStructure(source: Source): Structure {
  const markdown = source.kind === 'markdown';
  const { lines, repairs } = repairLineBreaks(splitLines(source.text, markdown), source.text, markdown);
  const genre = detectGenre(lines);
  const furniture = markFurniture(lines);
  const { wrapped, wrapWidth } = measureWrapping(lines, furniture);
  const numberLines = lines.filter((line) => /^\d{1,3}[.,](?:\s|$)/.test(line.plain.trim())).length;
  const paragraphGaps = lines.filter((line, index) => line.blank && !lines[index + 1]?.blank).length;
  const numbersLost = genre === 'ofsted' && numberLines < Math.max(5, paragraphGaps / 4);
  const baseIndent = commonIndent(lines, furniture);
  const { blocks, strays } = buildBlocks(source.text, lines, furniture, { genre, wrapped, wrapWidth, numbersLost, baseIndent });
  const { numbered, problems } = assignCitationIds(blocks, genre);
  const idOf = new Map(numbered.map((entry) => [entry.block, entry]));

  const builder = new TextBuilder();
  const sections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  const frontLines: string[] = [];
  const tableLines: string[] = [];
  const messages: ReportMessage[] = [];
  const blockSpans = new Map<Block, Span>();
  let section: Section | undefined;
  let previousText = '';
  let inImprovementList = false;
  const openSection = (kind: SectionKind, title: string, at: number, grade?: string): Section => {
    // The blank line separating two blocks belongs to neither section.
    if (section) section.end = Math.max(section.start, at >= 2 ? at - 2 : at);
    const id = kind === 'judgement' || kind === 'heading' ? `section:${sections.length + 1}` : kind;
    const existing = sections.find((candidate) => candidate.id === id);
    section = existing ?? { id, kind, title, start: at, end: at, ...(grade ? { grade } : {}) };
    if (!existing) sections.push(section);
    return section;
  };

  for (const block of blocks) {
    if (builder.length > 0) builder.insert('\n\n', source.origins[firstOffset(block)] ?? 0);
    const blockStart = builder.length;
    const kind: SectionKind | undefined =
      block.kind === 'heading' ? (block.zone === 'improve' ? 'improve' : block.grade ? 'judgement' : 'heading') : block.kind === 'front' ? 'front' : block.kind === 'table' ? 'judgements' : undefined;
    if (kind && (kind !== section?.kind || kind === 'judgement' || kind === 'heading')) {
      openSection(kind, block.plains.join(' '), blockStart, block.grade);
    } else if (!kind && !section) {
      openSection('summary', 'Summary', blockStart);
    } else if (!kind && block.zone === 'summary' && section?.kind !== 'summary' && section?.kind !== 'heading') {
      openSection('summary', 'Summary', blockStart);
    }
    if (block.prefix) {
      builder.copy(source.text, block.prefix.start, block.prefix.end, source.origins);
      if (block.lines.length > 0) builder.insert(' ', source.origins[block.prefix.end] ?? 0);
    }
    const contentStart = builder.length;
    const separator = block.kind === 'front' || block.kind === 'table' ? '\n' : ' ';
    block.lines.forEach((pieces, lineIndex) => {
      if (lineIndex > 0) {
        const previous = block.plains[lineIndex - 1] ?? '';
        // "well-\nembedded" is one hyphenated word: join without a space, keep the hyphen.
        const joinsWord = separator === ' ' && /[A-Za-z0-9]-$/.test(previous) && !/\s-$/.test(previous);
        if (!joinsWord) builder.insert(separator, source.origins[pieces[0]?.start ?? 0] ?? 0);
      }
      for (const piece of pieces) builder.copy(source.text, piece.start, piece.end, source.origins);
    });
    const span = { start: contentStart, end: builder.length };
    blockSpans.set(block, { start: blockStart, end: builder.length });
    // Line by line, not push(...lines): a block of 200 000 lines would overflow the call stack.
    if (block.kind === 'front') for (const line of block.plains) frontLines.push(line);
    if (block.kind === 'table') for (const line of block.plains) tableLines.push(line);
    const entry = idOf.get(block);
    // A heading between a lead-in and its list ("...the following." / "Short Inspection 2019") is skipped.
    if (block.kind === 'bullet') {
      if (!inImprovementList) inImprovementList = improvementLeadIn.test(previousText);
    } else if (block.kind === 'heading') {
      if (improvementLeadIn.test(block.plains.join(' '))) inImprovementList = true;
    } else {
      inImprovementList = false;
    }
    if (entry && span.end > span.start) {
      const bullet = block.kind === 'bullet';
      paragraphs.push({
        id: entry.id,
        number: entry.number,
        numberInferred: entry.numberInferred,
        section: section?.id ?? 'summary',
        bullet,
        improvementItem: entry.id.startsWith('improve:') || (bullet && inImprovementList) || (genre === 'ofsted' && recommendationsHeading.test(section?.title ?? '')),
        start: span.start,
        end: span.end,
        text: '',
        page: null,
      });
    }
    if (block.kind === 'paragraph') previousText = block.plains.join(' ');
  }
  if (section) section.end = builder.length;
  const { text, origins } = builder.finish(source.raw.length);
  const pageAt = pageLocator(source, origins);
  for (const paragraph of paragraphs) {
    paragraph.text = text.slice(paragraph.start, paragraph.end);
    paragraph.page = pageAt(paragraph.start);
  }
  for (const problem of problems) {
    const span = blockSpans.get(problem.block);
    if (!span) continue;
    messages.push({
      reason: problem.reason,
      ruleId: problem.ruleId,
      source: 'practice-themes:structure',
      level: problem.ruleId === 'paragraph-number-recovered' ? 'info' : 'warning',
      place: span,
      ...(problem.expected ? { expected: problem.expected } : {}),
      ...(problem.actual ? { actual: problem.actual } : {}),
    });
  }
  for (const stray of strays) {
    messages.push({
      reason: `a bare paragraph number "${stray.plain.trim()}" follows another bare number with no text between; it is treated as extraction residue`,
      ruleId: 'paragraph-number-stray',
      source: 'practice-themes:structure',
      level: 'warning',
      // The residue is not in the reading text: the place is the empty span where it stood.
      place: emptySpanAt(origins, source.origins[stray.start] ?? 0),
      note: `source line ${stray.index + 1}`,
    });
  }
  for (const message of documentMessages(lines, furniture, repairs, paragraphs.length)) messages.push(message);
  return { genre, text, origins, sections, paragraphs, pageAt, frontLines, tableLines, messages };
}

/**
 * Finds the PDF page of a reading-text offset: the page whose extracted text holds the character
 * it came from. Pages are known only for PDF input; for text every offset gives null.
 */
function pageLocator(source: Source, origins: Int32Array): (offset: number) => number | null {
  if (source.pages.length === 0) return () => null;
  // Where each page starts in the extracted (raw) text, in page order.
  const starts = source.pages.map((page) => ({ number: page.number, start: source.origins[page.start] ?? source.raw.length }));
  return (offset) => {
    const raw = origins[Math.min(Math.max(offset, 0), origins.length - 1)] ?? 0;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]!.start <= raw) low = middle;
      else high = middle - 1;
    }
    return starts[low]!.number;
  };
}

/** The empty span at the first character of the reading text that comes from `rawOffset` or later. */
function emptySpanAt(origins: Int32Array, rawOffset: number): Span {
  let low = 0;
  let high = origins.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (origins[middle]! < rawOffset) low = middle + 1;
    else high = middle;
  }
  return { start: low, end: low };
}

/** Messages about the document as a whole: repaired pastes, no paragraphs, too much furniture. */
function documentMessages(lines: readonly Line[], furniture: readonly boolean[], repairs: LineRepairs, paragraphCount: number): ReportMessage[] {
  const found: ReportMessage[] = [];
  // They concern no one place in the text: their span is empty, at its start.
  const add = (ruleId: string, level: ReportMessage['level'], reason: string): void => {
    found.push({ reason, ruleId, source: 'practice-themes:structure', level, place: { start: 0, end: 0 } });
  };
  if (repairs.doubleSpaced) {
    add('double-spaced', 'info', 'every line of the text is followed by a blank line (a double-spaced paste); single blank lines were read as line breaks and longer gaps as paragraph breaks');
  }
  if (repairs.runOnLines > 0) {
    const what = repairs.runOnLines === 1 ? 'a line' : `${repairs.runOnLines} lines`;
    add('run-on-text', 'warning', `${what} of over 2,000 characters (the line breaks were lost); paragraph numbers, bullets and headings were found where they follow a sentence end, but unnumbered paragraphs (such as the summary's) run together, and a paragraph number after anything else stays in the text`);
  }
  if (paragraphCount === 0 && lines.some((line) => !line.blank && !furniture[line.index])) {
    add('no-paragraphs', 'warning', 'no paragraph of report text was found, so nothing can be cited or tagged; the text may be all front matter, or not a report');
  }
  const setAside = furnitureShare(lines, furniture);
  if (setAside > MAX_FURNITURE_SHARE) {
    add('furniture-heavy', 'warning', `${Math.round(setAside * 100)}% of the text was set aside as page furniture (running headers, footers, the closing boilerplate), where reports have under 10%; if report text is missing from the paragraphs, check the input (a file holding a report twice, or several reports)`);
  }
  return found;
}

// Measured on the 23 shared documents: 0-9.3% of their text is furniture.
const MAX_FURNITURE_SHARE = 0.25;

/** The share of the text's characters on furniture lines. */
function furnitureShare(lines: readonly Line[], furniture: readonly boolean[]): number {
  let all = 0;
  let setAside = 0;
  for (const line of lines) {
    all += line.plain.length;
    if (furniture[line.index]) setAside += line.plain.length;
  }
  return all === 0 ? 0 : setAside / all;
}

// Inspectors' recommendations in an Ofsted report are things to improve, like the bullets of
// "What needs to improve" (annotation rule 6).
const recommendationsHeading = /^(?:recommendations?|areas? for (?:improvement|priority action))$/i;

// A lead-in that introduces a list of things to improve ("... areas for improvement:").
const improvementLeadIn = /\b(?:improve|improvement|improvements|areas? for (?:development|improvement)|further develop)\b[^.]*(?:[:\-–]|following\.?)\s*$/i;

function firstOffset(block: Block): number {
  return block.prefix?.start ?? block.lines[0]?.[0]?.start ?? 0;
}


// Council papers announce themselves on their cover lines; everything else is read as Ofsted.
function detectGenre(lines: Line[]): Genre {
  const head = lines.filter((line) => !line.blank).slice(0, 15).map((line) => line.plain).join('\n');
  return /\b(?:TITLE OF REPORT|REPORT OF|REPORT TO)\b/.test(head) ? 'council' : 'ofsted';
}

/** The indentation most content lines share (0 unless the whole text was pasted indented). */
function commonIndent(lines: Line[], furniture: boolean[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) if (!line.blank && !furniture[line.index]) counts.set(line.indent, (counts.get(line.indent) ?? 0) + 1);
  let common = 0;
  let most = 0;
  for (const [indent, count] of counts) if (count > most || (count === most && indent < common)) [common, most] = [indent, count];
  return common;
}

/** Hard-wrapped text has most lines near one width; one-line paragraphs run far past it. */
function measureWrapping(lines: Line[], furniture: boolean[]): { wrapped: boolean; wrapWidth: number } {
  const lengths = lines.filter((line) => !line.blank && !furniture[line.index]).map((line) => line.plain.trim().length).sort((a, b) => a - b);
  if (lengths.length === 0) return { wrapped: false, wrapWidth: 0 };
  const long = lengths.filter((length) => length > 160).length;
  const wrapWidth = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  return { wrapped: long / lengths.length < 0.05 && wrapWidth < 140, wrapWidth };
}
