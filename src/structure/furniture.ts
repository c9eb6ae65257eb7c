/**
 * Page furniture: running headers, page numbers, footers, Markdown rules and the closing
 * Ofsted boilerplate page. Marked per line; the lines stay in the source and are skipped.
 */
import type { Line } from './lines.js';
import { boilerplateStartPattern, furnitureLinePatterns, reportTitlePattern, titleTailPattern } from './patterns.js';

/** Marks the lines that are page furniture. The first report title is kept as front matter. */
export function markFurniture(lines: Line[]): boolean[] {
  const furniture = lines.map(() => false);
  let titleSeen = false;
  let boilerplate = false;
  const repeated = countRepeatedLines(lines);
  for (const line of lines) {
    if (line.blank) continue;
    const plain = line.plain.trim();
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
      if (titleSeen) {
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

// Short lines printed on three or more pages are running headers or footers.
function countRepeatedLines(lines: Line[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const plain = line.plain.trim();
    if (plain.length < 12 || plain.length > 90 || /[.]$/.test(plain)) continue;
    counts.set(plain, (counts.get(plain) ?? 0) + 1);
  }
  return counts;
}
