/**
 * PDF bytes → page-ordered plain text, laid out like a clean text extraction.
 *
 * pdf.js (through unpdf, loaded on first use only) gives positioned text items; this module
 * rebuilds reading order from their coordinates: items are grouped into visual lines, lines are
 * read top to bottom and items left to right, a blank line marks a paragraph gap, a paragraph
 * number in the left margin is joined to its text as "12. text", and table cells are separated
 * by a tab. Pages are joined with a form feed on its own line.
 */
import { PracticeThemesError } from '../errors.js';
import { containingPdfjsRejections } from './pdfjs-rejections.js';

/** One page of the extracted text: its 1-based number and its [start, end) range in `text`. */
export interface PdfPage {
  number: number;
  start: number;
  end: number;
}

/** The text of a PDF, page by page. */
export interface PdfText {
  text: string;
  pages: PdfPage[];
}

/** The separator between two pages: a form feed on its own line. */
export const PAGE_SEPARATOR = '\n\f\n';

// Loading and reading the whole document must finish within this time.
const TIMEOUT_MS = 30_000;
// "%%EOF" must lie within this many bytes of the end of the file (after any padding).
const EOF_WINDOW = 2048;
// Fewer non-space characters than this per page, on average, means there is no text layer.
const MIN_CHARS_PER_PAGE = 20;

// ---------------------------------------------------------------------------------------------
// Layout constants, in multiples of the font size (em) unless stated otherwise.

// Two items share a visual line when their vertical extents overlap by at least this share of
// the smaller one.
const SAME_LINE_OVERLAP = 0.5;
// ... and when the larger font is at most this multiple of the smaller.
const MAX_SIZE_RATIO = 1.8;
// A horizontal gap at least this wide between two items is a word space (pdf.js usually gives
// the space itself; this catches words drawn as separate runs with no space character).
const SPACE_GAP = 0.2;
// A gap at least this wide separates two table cells (written as a tab).
const CELL_GAP = 1.5;
// A line pitch more than this multiple of the page's usual pitch is a paragraph gap.
const PARAGRAPH_GAP = 1.4;
// ... or more than this multiple, where the lines differ in type size or the lower one starts
// with a paragraph number or a bullet.
const SMALL_PARAGRAPH_GAP = 1.1;
// A page needs this many line pitches for its own usual pitch to be trusted.
const MIN_PITCH_SAMPLES = 8;
// Glyph box, relative to the baseline: ascent above and descent below.
const ASCENT = 0.8;
const DESCENT = 0.2;

// A paragraph or list number standing in the margin: "12.", "2.1", "(a)", "iv)".
const NUMBER_MARKER = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|\(?[a-z]{1,4}\)|\(?\d{1,3}\))$/i;
// A bullet glyph standing alone.
const BULLET_MARKER = /^[\u2022\u2023\u2043\u2219\u25A0\u25AA\u25CF\u25E6\u25FC\u25FE\u27A2\u2013\u2014\u25BA\u25B6\u2192\uE000-\uF8FFo\-*]$/;

interface Item {
  text: string;
  x: number;
  /** Baseline, in page space with y growing downwards. */
  y: number;
  width: number;
  size: number;
  /** Only white space: marks a word space between its neighbours. */
  space: boolean;
  spaceBefore: boolean;
  spaceAfter: boolean;
}

interface Line {
  items: Item[];
  /** Baseline of the line's reference (largest) item. */
  y: number;
  size: number;
  left: number;
  right: number;
  /** Indices of the items that start a new table cell. */
  breaks: Set<number>;
  /** Text runs of the line, split where a gap separates table cells. */
  cells: Cell[];
}

interface Cell {
  text: string;
  left: number;
  right: number;
}

/** The minimal slice of the pdf.js API this module uses. */
interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}
interface PageLike {
  getViewport(options: { scale: number }): { transform: number[] };
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup?(): unknown;
}
interface DocumentLike {
  numPages: number;
  getPage(number: number): Promise<PageLike>;
  destroy(): Promise<void>;
}

/**
 * Extracts the text of a PDF, page by page. Throws a {@link PracticeThemesError}:
 * UNSUPPORTED_INPUT (not a PDF), ENCRYPTED_PDF (password-protected), TRUNCATED_PDF (damaged or
 * cut short) or IMAGE_ONLY_PDF (scanned pages with no text layer).
 */
export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  if (!startsWithPdfHeader(bytes)) {
    throw new PracticeThemesError(
      'UNSUPPORTED_INPUT',
      "input is not a PDF (it does not start with %PDF-) — pass the PDF file's bytes, or a string of text",
    );
  }
  if (!hasEndOfFileMarker(bytes)) {
    throw truncated(undefined, 'it has no %%EOF marker at its end');
  }

  return containingPdfjsRejections(() => readPdf(bytes));
}

async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  let document: DocumentLike | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(truncated(undefined, `reading it took longer than ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
  });
  const work = (async () => {
    const { getDocumentProxy } = await import('unpdf');
    // pdf.js may take ownership of (detach) the buffer it is given, and it refuses Node Buffers:
    // pass it a plain copy.
    try {
      document = (await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 })) as unknown as DocumentLike;
    } catch (cause) {
      throw loadError(cause);
    }
    if (timedOut) {
      await document.destroy().catch(() => undefined);
      throw truncated(undefined, `reading it took longer than ${TIMEOUT_MS / 1000} s`);
    }
    return readDocument(document, () => timedOut);
  })();
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
    if (document) await document.destroy().catch(() => undefined);
  }
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

// A complete PDF ends with "%%EOF", possibly followed by line ends or padding; a file cut short
// (an interrupted download) has lost it. pdf.js would otherwise read what it can of such a file
// and quietly return part of the text.
function hasEndOfFileMarker(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0 || bytes[end - 1] === 0x20 || (bytes[end - 1]! >= 0x09 && bytes[end - 1]! <= 0x0d))) end--;
  const from = Math.max(0, end - EOF_WINDOW);
  for (let index = end - 5; index >= from; index--) {
    if (bytes[index] === 0x25 && bytes[index + 1] === 0x25 && bytes[index + 2] === 0x45 && bytes[index + 3] === 0x4f && bytes[index + 4] === 0x46) {
      return true;
    }
  }
  return false;
}

function truncated(cause: unknown, why: string): PracticeThemesError {
  return new PracticeThemesError(
    'TRUNCATED_PDF',
    `the PDF could not be read (${why}), so the file is probably truncated or damaged — download the report again, or pass its text instead`,
    cause === undefined ? {} : { cause },
  );
}

function loadError(cause: unknown): PracticeThemesError {
  const name = typeof cause === 'object' && cause !== null ? String((cause as { name?: unknown }).name) : '';
  if (name === 'PasswordException') {
    return new PracticeThemesError(
      'ENCRYPTED_PDF',
      'the PDF is password-protected, so its text cannot be read — remove the password (for example with `qpdf --decrypt`), or pass the text instead',
      { cause },
    );
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return truncated(cause, message.replace(/\.$/, ''));
}

async function readDocument(document: DocumentLike, cancelled: () => boolean): Promise<PdfText> {
  if (document.numPages < 1) throw truncated(undefined, 'it has no pages');
  // Every page is requested at once, as unpdf's own extractText does: pdf.js decompresses
  // streams asynchronously, so while one page waits for its data another is being parsed.
  // Read one after another, the thread sat idle for ~15% of the time.
  const readPage = async (number: number): Promise<Line[]> => {
    if (cancelled()) throw truncated(undefined, `reading it took longer than ${TIMEOUT_MS / 1000} s`);
    let items: Item[];
    try {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      items = toItems(content.items, page.getViewport({ scale: 1 }).transform);
      page.cleanup?.();
    } catch (cause) {
      throw loadError(cause);
    }
    return pageLines(items);
  };
  const pagesOfLines = await Promise.all(Array.from({ length: document.numPages }, (_, index) => readPage(index + 1)));
  const documentPitch = lowerQuartile(pagesOfLines.flatMap(pitchRatios)) ?? 1.2;
  const pageTexts = pagesOfLines.map((lines) => renderPage(lines, documentPitch));

  const characters = pageTexts.reduce((sum, page) => sum + page.replace(/\s+/g, '').length, 0);
  if (characters / pageTexts.length < MIN_CHARS_PER_PAGE) {
    throw new PracticeThemesError(
      'IMAGE_ONLY_PDF',
      `the PDF has ${pageTexts.length} page${pageTexts.length === 1 ? '' : 's'} but almost no text (${characters} characters), so it is probably scanned images — run OCR on it first, or pass the text instead`,
    );
  }

  const pages: PdfPage[] = [];
  let text = '';
  pageTexts.forEach((pageText, index) => {
    if (index > 0) text += PAGE_SEPARATOR;
    pages.push({ number: index + 1, start: text.length, end: text.length + pageText.length });
    text += pageText;
  });
  return { text, pages };
}

// ---------------------------------------------------------------------------------------------
// Items

function multiply(m: number[], n: number[]): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const [g = 1, h = 0, i = 0, j = 1, k = 0, l = 0] = n;
  return [a * g + c * h, b * g + d * h, a * i + c * j, b * i + d * j, a * k + c * l + e, b * k + d * l + f];
}

function isTextItem(value: unknown): value is TextItemLike {
  return typeof value === 'object' && value !== null && typeof (value as TextItemLike).str === 'string' && Array.isArray((value as TextItemLike).transform);
}

/**
 * Converts pdf.js items to page-space items (y down). Items that are only white space (pdf.js
 * gives the gaps it reads as spaces this way) are kept as space markers, placed like any item.
 */
function toItems(raw: unknown[], viewport: number[]): Item[] {
  const items: Item[] = [];
  for (const entry of raw) {
    if (!isTextItem(entry) || entry.str.length === 0) continue;
    const text = entry.str.replace(/[\t\r\n\f\v]/g, ' ');
    const [, , c = 0, d = 1, x = 0, y = 0] = multiply(viewport, entry.transform);
    const size = Math.hypot(c, d) || entry.height || 1;
    const space = text.trim() === '';
    items.push({
      text,
      x,
      y,
      width: entry.width > 0 ? entry.width : space ? 0 : text.length * size * 0.5,
      size,
      space,
      spaceBefore: /^\s/.test(text),
      spaceAfter: /\s$/.test(text),
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Lines

function top(item: { y: number; size: number }): number {
  return item.y - ASCENT * item.size;
}
function bottom(item: { y: number; size: number }): number {
  return item.y + DESCENT * item.size;
}

function overlap(a: { y: number; size: number }, b: { y: number; size: number }): number {
  const shared = Math.min(bottom(a), bottom(b)) - Math.max(top(a), top(b));
  return shared / Math.min(a.size, b.size);
}

/** Groups items into visual lines, top to bottom. */
function buildLines(items: Item[]): Line[] {
  const sorted = [...items].sort((p, q) => p.y - q.y || p.x - q.x);
  // `extents` holds one item per distinct (y, size) of the line: all sameLine looks at, so a
  // line of thousands of items in one font is compared once, not item by item.
  const lines: { items: Item[]; extents: Map<string, Item>; y: number; size: number }[] = [];
  for (const item of sorted) {
    let best: (typeof lines)[number] | undefined;
    let bestOverlap = 0;
    // Only the last few lines can still overlap an item further down the page.
    for (let index = lines.length - 1; index >= 0 && index >= lines.length - 4; index--) {
      const line = lines[index]!;
      let shared = Infinity;
      for (const other of line.extents.values()) shared = Math.min(shared, sameLine(other, item));
      if (shared > bestOverlap) {
        best = line;
        bestOverlap = shared;
      }
    }
    if (best) {
      best.items.push(item);
      if (!best.extents.has(extentKey(item))) best.extents.set(extentKey(item), item);
      if (!item.space && item.size > best.size * 1.05) {
        best.size = item.size;
        best.y = item.y;
      }
    } else {
      lines.push({ items: [item], extents: new Map([[extentKey(item), item]]), y: item.y, size: item.size });
    }
  }
  return lines
    .filter((line) => line.items.some((item) => !item.space))
    .map((line) => finishLine(line.items, line.y, line.size))
    .sort((p, q) => p.y - q.y);
}

const extentKey = (item: Item): string => `${item.y} ${item.size}`;

// How well two items share a line: 0 when they do not; otherwise their vertical overlap as a
// share of the smaller one. Type of very different sizes (a large page number beside a small
// footer) never shares a line; a superscript, which lies inside its line's extent, does.
function sameLine(a: Item, b: Item): number {
  if (Math.max(a.size, b.size) > MAX_SIZE_RATIO * Math.min(a.size, b.size)) return 0;
  const shared = overlap(a, b);
  return shared >= SAME_LINE_OVERLAP ? shared : 0;
}

function finishLine(items: Item[], y: number, size: number): Line {
  const sorted = dropDuplicates(withoutSpaceMarkers([...items].sort((p, q) => p.x - q.x)));
  const breaks = new Set<number>();
  sorted.forEach((item, index) => {
    const previous = sorted[index - 1];
    if (previous && gapBetween(previous, item) >= CELL_GAP * Math.max(item.size, previous.size)) breaks.add(index);
  });
  const left = sorted[0]?.x ?? 0;
  let right = left;
  for (const item of sorted) right = Math.max(right, item.x + item.width);
  return { items: sorted, y, size, left, right, breaks, cells: makeCells(sorted, breaks) };
}

// Drops the space markers of a line (sorted left to right), noting a space on the next item.
function withoutSpaceMarkers(items: Item[]): Item[] {
  const kept: Item[] = [];
  let pending = false;
  for (const item of items) {
    if (item.space) {
      pending = true;
      continue;
    }
    kept.push(pending ? { ...item, spaceBefore: true } : item);
    pending = false;
  }
  return kept;
}

function gapBetween(previous: Item, item: Item): number {
  return item.x - (previous.x + previous.width);
}

/** Joins a line's items into cells: words split across items stay whole, words get one space. */
function makeCells(items: Item[], breaks: Set<number>): Cell[] {
  const cells: Cell[] = [];
  let cell: Cell | undefined;
  items.forEach((item, index) => {
    const previous = items[index - 1];
    if (!cell || !previous || breaks.has(index)) {
      cell = { text: item.text.trim(), left: item.x, right: item.x + item.width };
      cells.push(cell);
      return;
    }
    const em = Math.max(item.size, previous.size);
    const spaced = previous.spaceAfter || item.spaceBefore || gapBetween(previous, item) >= SPACE_GAP * em;
    // cell.text never ends in white space, so trimming what is added trims the whole (and
    // appending keeps a cell of thousands of items linear).
    cell.text += (spaced ? ' ' + item.text.trimStart() : item.text).trimEnd();
    cell.right = Math.max(cell.right, item.x + item.width);
  });
  for (const each of cells) each.text = each.text.replace(/ {2,}/g, ' ');
  return cells;
}

/**
 * Table columns whose cells are close together: where a line has a cell starting at some x, an
 * adjacent line with a word starting at the same x after a gap starts a cell there too.
 */
function alignColumns(lines: Line[]): void {
  for (let index = 1; index < lines.length; index++) {
    const above = lines[index - 1]!;
    const below = lines[index]!;
    if (below.y - above.y > 2 * Math.max(above.size, below.size) || !similarSize(above, below)) continue;
    for (const [source, target] of [[above, below], [below, above]] as const) {
      let changed = false;
      for (const cell of source.cells.slice(1)) {
        target.items.forEach((item, position) => {
          const previous = target.items[position - 1];
          if (!previous || target.breaks.has(position)) return;
          if (Math.abs(item.x - cell.left) > 1 || gapBetween(previous, item) < SPACE_GAP * item.size) return;
          target.breaks.add(position);
          changed = true;
        });
      }
      if (changed) target.cells = makeCells(target.items, target.breaks);
    }
  }
}

// Some PDFs fake bold type by drawing the same text twice, a fraction of a point apart. (Repeated
// narrow glyphs, like the dots of "...", lie a whole glyph width apart and are kept.)
function dropDuplicates(items: Item[]): Item[] {
  const kept: Item[] = [];
  for (const item of items) {
    const near = Math.min(0.15 * item.size, 0.5 * item.width);
    // Items come left to right, so a twin is among the last kept, within `near` of this one.
    let twin = false;
    for (let index = kept.length - 1; index >= 0 && item.x - kept[index]!.x < near && !twin; index--) {
      const other = kept[index]!;
      twin = other.text === item.text && Math.abs(other.x - item.x) < near && Math.abs(other.y - item.y) < 0.15 * item.size;
    }
    if (!twin) kept.push(item);
  }
  return kept;
}

/** The text of a line: cells joined by tabs, a leading number or bullet joined by one space. */
function lineText(line: Line): string {
  const [first, ...rest] = line.cells;
  if (!first) return '';
  if (rest.length > 0 && (NUMBER_MARKER.test(first.text) || BULLET_MARKER.test(first.text))) {
    const [second, ...others] = rest;
    return [`${first.text} ${second!.text}`, ...others.map((cell) => cell.text)].join('\t');
  }
  return line.cells.map((cell) => cell.text).join('\t');
}

// ---------------------------------------------------------------------------------------------
// Page layout

// The lower quartile: the pitch of lines within a paragraph, even on a page where the wider
// spacing between list items or table rows accounts for nearly half the pitches.
function lowerQuartile(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 4)];
}

/** Groups a page's items into lines, with table cells found and placed. */
function pageLines(items: Item[]): Line[] {
  const lines = buildLines(items);
  alignColumns(lines);
  return attachFloatingCells(lines);
}

/** Line pitches between consecutive lines of the same type size, in multiples of that size. */
function pitchRatios(lines: Line[]): number[] {
  const ratios: number[] = [];
  for (let index = 1; index < lines.length; index++) {
    const above = lines[index - 1]!;
    const below = lines[index]!;
    if (Math.abs(above.size - below.size) > 0.1 * below.size) continue;
    const ratio = (below.y - above.y) / below.size;
    if (ratio > 0.8 && ratio < 2.5) ratios.push(ratio);
  }
  return ratios;
}

/**
 * Writes a page's lines, with a blank line wherever the gap above a line is clearly larger than
 * the usual line pitch. The usual pitch is the page's own when the page has enough lines to tell
 * (a page of text), and the document's otherwise (a title page with a table).
 */
function renderPage(lines: Line[], documentPitch: number): string {
  const ratios = pitchRatios(lines);
  const usual = ratios.length >= MIN_PITCH_SAMPLES ? lowerQuartile(ratios)! : documentPitch;
  const out: string[] = [];
  lines.forEach((line, index) => {
    const above = lines[index - 1];
    if (above && isParagraphGap(above, line, usual)) out.push('');
    out.push(lineText(line));
  });
  return out.join('\n');
}

/**
 * A gap clearly wider than the usual pitch separates paragraphs. A smaller extra space is enough
 * where the type size changes (a heading and its text) or where the lower line starts with a
 * paragraph number or bullet standing apart from its text.
 */
function isParagraphGap(above: Line, line: Line, usual: number): boolean {
  const pitch = (line.y - above.y) / (usual * Math.max(line.size, above.size));
  if (pitch > PARAGRAPH_GAP) return true;
  if (pitch <= SMALL_PARAGRAPH_GAP) return false;
  return !similarSize(above, line, 1.1) || startsWithMarker(line);
}

function startsWithMarker(line: Line): boolean {
  const [first, second] = line.cells;
  if (!first) return false;
  if (second && (NUMBER_MARKER.test(first.text) || BULLET_MARKER.test(first.text))) return true;
  const [glyph] = first.text;
  return glyph !== undefined && first.text.charAt(1) === ' ' && BULLET_MARKER.test(glyph) && !/[a-z0-9]/i.test(glyph);
}

/**
 * A table cell vertically centred on a wrapped neighbour cell sits between two of its lines
 * ("Good" beside a two-line label). Such a floating line is merged into the line below it. A
 * right-hand cell level with the first line of a wrapped label is moved down to the label's last
 * line. Either way a row reads "label\nlabel, continued\tgrade".
 */
function attachFloatingCells(lines: Line[]): Line[] {
  const result: Line[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const above = result[result.length - 1];
    const below = lines[index + 1];
    if (
      above &&
      below &&
      line.left > Math.max(above.right, below.right) + line.size &&
      similarSize(line, above) &&
      similarSize(line, below) &&
      below.y - above.y < 2 * Math.max(above.size, below.size)
    ) {
      // Merge into the lower line: the cell then ends the row.
      lines[index + 1] = mergeLines(below, line);
      continue;
    }
    result.push(line);
  }
  // Move a right-hand cell down to the last line of its wrapped row.
  for (let index = 0; index < result.length - 1; index++) {
    const line = result[index]!;
    if (line.cells.length !== 2) continue;
    const [label, value] = line.cells as [Cell, Cell];
    if (NUMBER_MARKER.test(label.text) || BULLET_MARKER.test(label.text)) continue;
    let last = index;
    while (last + 1 < result.length) {
      const next = result[last + 1]!;
      const current = result[last]!;
      const continues =
        next.cells.length === 1 &&
        Math.abs(next.left - label.left) < 0.5 * next.size &&
        next.right < value.left - next.size &&
        next.y - current.y < 1.6 * Math.max(next.size, current.size);
      if (!continues) break;
      last++;
    }
    if (last === index) continue;
    result[index] = { ...line, cells: [label], right: label.right };
    const target = result[last]!;
    result[last] = { ...target, cells: [...target.cells, value], right: value.right };
    index = last;
  }
  return result;
}

function similarSize(a: Line, b: Line, ratio = 1.3): boolean {
  return Math.max(a.size, b.size) <= ratio * Math.min(a.size, b.size);
}

function mergeLines(line: Line, extra: Line): Line {
  const cells = [...line.cells, ...extra.cells].sort((p, q) => p.left - q.left);
  const items = [...line.items, ...extra.items].sort((p, q) => p.x - q.x);
  const starts = new Set(cells.map((cell) => cell.left));
  const breaks = new Set<number>();
  items.forEach((item, index) => {
    if (index > 0 && starts.has(item.x)) breaks.add(index);
  });
  return { ...line, items, breaks, cells, right: Math.max(line.right, extra.right), left: Math.min(line.left, extra.left) };
}
