/**
 * Page furniture: running headers, page numbers, footers, footnotes, contents pages, Markdown
 * rules and the closing Ofsted boilerplate page. Marked per line; the lines stay in the source
 * and are skipped.
 */
import type { Line } from './lines.js';
import { boilerplateStartPattern, footnoteStartPattern, furnitureLinePatterns, judgementAreaStartPattern, pageNumberPattern, reportTitlePattern, titleOpeningPattern, titleTailPattern } from './patterns.js';

// A contents entry: a title with no sentence inside it, then a page number.
const contentsEntryPattern = /^(?![^\t]*[.!?]\s)[^\t]*?\S(?:\t|\s+|\s*\.{2,}\s*)\d{1,3}$/;

// A footnote's first line: its number, a space and a capital ("2 These are residential ...").
const pageFootnoteStartPattern = /^\d{1,2}\s+[A-Z]/;

// A rule of underscores sets footnotes apart from the text above them (a word processor's
// footnote separator, kept as text by the PDF); the notes below it start "(1) ". Not "1 ": a
// council paper's numbered headings ("1 Purpose of the report") may follow a rule.
const footnoteSeparatorPattern = /^_{10,}$/;
const separatedNoteStartPattern = /^\(\d{1,2}\)\s+\S/;

const isPageNumber = (plain: string): boolean => pageNumberPattern.test(plain.trim());

function nextNonBlank(lines: readonly Line[], index: number): Line | undefined {
  for (let at = index + 1; at < lines.length; at++) if (!lines[at]!.blank) return lines[at];
  return undefined;
}

/**
 * The block starting at `index` stands apart (a blank line or page top before it), has at most
 * three lines and is the last text of its page. A wrapped sentence can put "1 April ..." at the
 * foot of a page too, but never after a blank line.
 */
function closesPage(lines: readonly Line[], index: number): boolean {
  const before = lines[index - 1];
  if (before && !before.blank && !before.pageBreak) return false;
  let at = index + 1;
  while (at < lines.length && !lines[at]!.blank && !lines[at]!.pageBreak && !isPageNumber(lines[at]!.plain)) at++;
  if (at - index > 3) return false;
  while (at < lines.length && lines[at]!.blank && !lines[at]!.pageBreak) at++;
  const next = lines[at];
  return next !== undefined && (next.pageBreak || isPageNumber(next.plain));
}

/** Marks the lines that are page furniture. The first report title is kept as front matter. */
export function markFurniture(lines: Line[]): boolean[] {
  const furniture = lines.map(() => false);
  let titleSeen = false;
  let boilerplate = false;
  const repeated = countRepeatedLines(lines);
  let footnote = false;
  // Below a footnote separator, until a line that starts no note (or the page ends).
  let belowSeparator = false;
  let contents = false;
  let contentLines = 0;
  for (const line of lines) {
    if (line.blank || line.pageBreak) {
      footnote = false;
      if (line.pageBreak) contents = belowSeparator = false;
      continue;
    }
    const plain = line.plain.trim();
    if (footnoteSeparatorPattern.test(plain)) {
      belowSeparator = true;
      furniture[line.index] = true;
      continue;
    }
    if (belowSeparator && !footnote && !separatedNoteStartPattern.test(plain)) belowSeparator = false;
    if (belowSeparator) {
      footnote = true;
      furniture[line.index] = true;
      continue;
    }
    // A contents page: its entries end in a page number, after a tab where the PDF set one, or
    // after spaces or dot leaders where the text was pasted; an entry may wrap onto a second line.
    if (/^contents$/i.test(plain)) contents = true;
    else if (contents) {
      const next = nextNonBlank(lines, line.index);
      if (contentsEntryPattern.test(plain) || (!/[.!?:;]$/.test(plain) && next && !next.pageBreak && contentsEntryPattern.test(next.plain.trim()))) {
        furniture[line.index] = true;
        continue;
      }
      contents = false;
    }
    // The title on the cover may wrap after "Inspection of <authority>"; it is still the title.
    if (contentLines++ < 10 && titleOpeningPattern.test(plain)) titleSeen = true;
    // A page number closes a footnote even where no blank line follows it.
    if (footnote && isPageNumber(plain)) footnote = false;
    // A footnote runs from its marker to the end of its block: the National Framework
    // cross-reference anywhere, and any "2 These are ..." block (a number and a space, no full
    // stop) that the page number or the page break closes.
    if (footnote || footnoteStartPattern.test(plain) || (pageFootnoteStartPattern.test(plain) && closesPage(lines, line.index))) {
      footnote = true;
      furniture[line.index] = true;
      continue;
    }
    if (boilerplate || boilerplateStartPattern.test(plain)) {
      // The boilerplate page closes the report: nothing after it is report text.
      boilerplate = true;
      furniture[line.index] = true;
      continue;
    }
    if (furnitureLinePatterns.some((pattern) => pattern.test(plain))) {
      furniture[line.index] = true;
      continue;
    }
    if (reportTitlePattern.test(plain) || (repeated.get(plain) ?? 0) >= 3) {
      if (titleSeen && !(contentLines <= 10 && titleOpeningPattern.test(plain))) {
        furniture[line.index] = true;
        // A running header wrapped over two lines: "Inspection of X local authority" / "children's services".
        const next = lines[line.index + 1];
        if (next && titleTailPattern.test(next.plain.trim())) furniture[next.index] = true;
      }
      titleSeen = true;
    }
  }
  return furniture;
}

// Short lines printed on three or more pages are running headers or footers. Where the source
// marks pages (PDF form feeds), a line counts once per page, so a table line repeated on one page
// ("The experiences and progress of") is not mistaken for a header.
function countRepeatedLines(lines: Line[]): Map<string, number> {
  const paged = lines.some((line) => line.pageBreak);
  const pages = new Map<string, Set<number>>();
  let page = 0;
  let occurrence = 0;
  for (const line of lines) {
    if (line.pageBreak) page++;
    const plain = line.plain.trim();
    if (plain.length < 12 || plain.length > 90 || /[.]$/.test(plain)) continue;
    // Judgement titles repeat by design (the judgements table, then each section's heading, and
    // again in a text holding two reports); they are never running headers.
    if (judgementAreaStartPattern.test(plain)) continue;
    const seen = pages.get(plain) ?? new Set<number>();
    seen.add(paged ? page : occurrence++);
    pages.set(plain, seen);
  }
  return new Map([...pages].map(([plain, seen]) => [plain, seen.size]));
}
