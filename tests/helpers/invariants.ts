/**
 * Invariant checks for a Report (STYLE.md §2): every span slices back from `report.text`,
 * sentences and findings sit inside their paragraph, outputs are ordered and JSON-safe.
 * Each checker returns a list of problems (empty when all hold), so a failing test shows
 * every broken span at once rather than the first.
 */
import { isDeepStrictEqual } from 'node:util';
import { originOf, type Report } from 'practice-themes';

const polarities = new Set(['strength', 'weakness', 'neutral']);

const quote = (text: string, max = 60): string => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);

/** Problems with the spans of paragraphs, sentences and findings, and with their order. */
export function spanProblems(report: Report): string[] {
  const problems: string[] = [];
  const { text } = report;
  const inText = (start: number, end: number) => Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length;

  // Paragraphs: slice back, ids unique, in reading order without overlap.
  const paragraphs = new Map<string, Report['paragraphs'][number]>();
  report.paragraphs.forEach((paragraph, index) => {
    if (!inText(paragraph.start, paragraph.end)) problems.push(`paragraph ${paragraph.id}: span ${paragraph.start}-${paragraph.end} is outside the text (length ${text.length})`);
    if (paragraph.end <= paragraph.start) problems.push(`paragraph ${paragraph.id}: empty span ${paragraph.start}-${paragraph.end}`);
    if (text.slice(paragraph.start, paragraph.end) !== paragraph.text) problems.push(`paragraph ${paragraph.id}: text.slice(${paragraph.start}, ${paragraph.end}) = ${quote(text.slice(paragraph.start, paragraph.end))}, but text is ${quote(paragraph.text)}`);
    if (paragraphs.has(paragraph.id)) problems.push(`paragraph id ${JSON.stringify(paragraph.id)} is used twice`);
    paragraphs.set(paragraph.id, paragraph);
    const previous = report.paragraphs[index - 1];
    if (previous && paragraph.start < previous.end) problems.push(`paragraph ${paragraph.id} (${paragraph.start}) starts before paragraph ${previous.id} ends (${previous.end})`);
  });

  // Sentences: slice back, inside their paragraph, ordered, not overlapping.
  report.sentences.forEach((sentence, index) => {
    const where = `sentence #${index} (${sentence.start}-${sentence.end}, paragraph ${sentence.paragraph})`;
    if (!inText(sentence.start, sentence.end)) problems.push(`${where}: outside the text`);
    if (sentence.end <= sentence.start) problems.push(`${where}: empty`);
    if (text.slice(sentence.start, sentence.end) !== sentence.text) problems.push(`${where}: slices to ${quote(text.slice(sentence.start, sentence.end))}, but text is ${quote(sentence.text)}`);
    const paragraph = paragraphs.get(sentence.paragraph);
    if (!paragraph) problems.push(`${where}: no paragraph has id ${JSON.stringify(sentence.paragraph)}`);
    else if (sentence.start < paragraph.start || sentence.end > paragraph.end) problems.push(`${where}: not inside its paragraph (${paragraph.start}-${paragraph.end})`);
    const previous = report.sentences[index - 1];
    if (previous && sentence.start < previous.end) problems.push(`${where}: overlaps or precedes the sentence before it (${previous.start}-${previous.end})`);
  });

  // Findings: the cited sentence slices back and lies in the cited paragraph; sorted by start, then theme.
  report.findings.forEach((finding, index) => {
    const where = `finding #${index} (${finding.paragraph} ${finding.theme}/${finding.polarity})`;
    if (!inText(finding.start, finding.end)) problems.push(`${where}: span ${finding.start}-${finding.end} is outside the text`);
    if (text.slice(finding.start, finding.end) !== finding.sentence) problems.push(`${where}: slices to ${quote(text.slice(finding.start, finding.end))}, but sentence is ${quote(finding.sentence)}`);
    const paragraph = paragraphs.get(finding.paragraph);
    if (!paragraph) problems.push(`${where}: no paragraph has id ${JSON.stringify(finding.paragraph)}`);
    else if (finding.start < paragraph.start || finding.end > paragraph.end) problems.push(`${where}: sentence ${finding.start}-${finding.end} is not inside paragraph ${paragraph.id} (${paragraph.start}-${paragraph.end})`);
    if (typeof finding.theme !== 'string' || finding.theme.length === 0) problems.push(`${where}: theme is not a non-empty string`);
    if (!polarities.has(finding.polarity)) problems.push(`${where}: polarity ${JSON.stringify(finding.polarity)} is not strength, weakness or neutral`);
    if (!(Number.isFinite(finding.confidence) && finding.confidence >= 0 && finding.confidence <= 1)) problems.push(`${where}: confidence ${finding.confidence} is not within 0-1`);
    if (!Array.isArray(finding.cues) || finding.cues.some((cue) => typeof cue !== 'string')) problems.push(`${where}: cues is not an array of strings`);
    else if (finding.cues.some((cue) => /[\t\n\r]|\s{2}/.test(cue))) problems.push(`${where}: a cue holds a tab, a line break or a double space: ${JSON.stringify(finding.cues)}`);
    const previous = report.findings[index - 1];
    if (previous && (finding.start < previous.start || (finding.start === previous.start && finding.theme < previous.theme))) {
      problems.push(`${where}: out of order after finding #${index - 1} (${previous.start} ${previous.theme}); findings are sorted by start, then theme`);
    }
  });

  // Sections and message places are ranges of the text too.
  for (const section of report.sections) if (!inText(section.start, section.end)) problems.push(`section ${section.id}: span ${section.start}-${section.end} is outside the text`);
  for (const message of report.messages) if (!inText(message.place.start, message.place.end)) problems.push(`message ${message.ruleId}: place ${message.place.start}-${message.place.end} is outside the text`);
  return problems;
}

/** Problems with the report's JSON form: it must survive JSON.stringify / JSON.parse unchanged. */
export function jsonProblems(report: Report): string[] {
  const copy: unknown = JSON.parse(JSON.stringify(report));
  if (isDeepStrictEqual(copy, report)) return [];
  const changed = Object.keys(report).filter((key) => !isDeepStrictEqual((copy as Record<string, unknown>)[key], (report as unknown as Record<string, unknown>)[key]));
  return [`the report changes in a JSON round trip (fields: ${changed.join(', ') || 'prototype or undefined values'})`];
}

/**
 * The comparison form of a text: the ingest normalisation (quotes, ligatures, dashes, bullets,
 * spaces) applied, invisible characters dropped, and white space removed (joined lines and hyphen joins
 * put or take away white space, never letters).
 */
export function comparable(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .normalize('NFKC')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[\u25FC\u25A0\u25AA\u25CF\u25E6\u2023\u2043\u2219\u25FE\uF0B7\uF0A7\uF06E\uF02D\uF0D8\uF076\u27A2\u2022]/g, '•')
    // Ingest drops soft hyphens, zero-width characters, and control characters other than white space.
    .replace(/[\u00AD\u200B\u200C\u200D\u2060\uFEFF\u0000-\u0008\u000E-\u001F]/g, '')
    .replace(/\s+/g, '');
}

/**
 * Problems mapping offsets back to the caller's text input. For each paragraph start (and each
 * cited sentence start), `originOf(report.origins, start)` must point at the same characters of
 * `input`: over the stretch where origins advance one by one (at most `length` characters, and
 * never past the paragraph's end or across a skipped page footer), `report.text` and `input`
 * agree up to the ingest normalisation ({@link comparable}).
 */
export function originProblems(report: Report, input: string, length = 10): string[] {
  const problems: string[] = [];
  const check = (what: string, start: number, end: number) => {
    const origin = originOf(report.origins, start);
    if (!(Number.isInteger(origin) && origin >= 0 && origin < input.length)) {
      problems.push(`${what}: origin ${origin} of offset ${start} is outside the input (length ${input.length})`);
      return;
    }
    // Walk on while each character came from the same input character (a ligature expanded) or
    // the next one; stop at a joint, a dropped character or skipped furniture.
    let count = 1;
    let last = origin;
    const extend = () => {
      last = originOf(report.origins, start + count);
      count++;
    };
    while (count < length && start + count < end && [last, last + 1].includes(originOf(report.origins, start + count))) extend();
    while (start + count < end && originOf(report.origins, start + count) === last) extend(); // the rest of an expansion
    // Never half a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(report.text.charAt(start + count - 1)) && /[\uDC00-\uDFFF]/.test(report.text.charAt(start + count)) && start + count < end) extend();
    const expected = comparable(report.text.slice(start, start + count));
    const found = comparable(input.slice(origin, last + 1));
    if (found !== expected) problems.push(`${what}: reads ${quote(report.text.slice(start, start + count))} at ${start}, but its origin ${origin} reads ${quote(input.slice(origin, last + 1))} in the input`);
  };
  for (const paragraph of report.paragraphs) check(`paragraph ${paragraph.id}`, paragraph.start, paragraph.end);
  report.findings.forEach((finding, index) => check(`finding #${index} (${finding.paragraph} ${finding.theme})`, finding.start, finding.end));
  return problems;
}

/** Every invariant of a report; `input` (the caller's string) adds the origin check. */
export function reportProblems(report: Report, input?: string): string[] {
  return [...spanProblems(report), ...jsonProblems(report), ...(input === undefined ? [] : originProblems(report, input))];
}
