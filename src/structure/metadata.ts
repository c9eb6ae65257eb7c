/**
 * Report metadata read from what the report prints about itself: the cover (title, authority,
 * inspection dates, lead inspector), the judgement table, and, for the single inspection
 * framework (SIF, 2013–2018), the headline "Children's services in X are inadequate".
 *
 * Everything is read from `structure` (front lines, table lines, the start of the reading text,
 * judgement section headings), never from outside the report. Fields the report does not print
 * are null; the one inferred field, `inspectionType`, says so in its documentation.
 */
import type { Structure } from './index.js';

/** The kind of document. */
export type ReportKind = 'ilacs' | 'focused-visit' | 'single-inspection-framework' | 'council-report' | 'unknown';

/**
 * Stable keys of the judgement areas.
 *
 * ILACS (2018–): `impact_of_leaders`, `help_and_protection`, `children_in_care_and_care_leavers`
 * (one combined judgement until 2023), `children_in_care` and `care_leavers` (judged separately
 * from 2023), `overall_effectiveness` (not given after the April 2026 framework change).
 *
 * SIF (2013–2018): `overall_effectiveness` (the headline), `sif_help_and_protection`,
 * `sif_looked_after_and_permanence`, `sif_adoption_performance`, `sif_care_leavers`,
 * `sif_leadership_management_governance`.
 */
export type JudgementAreaKey =
  | 'overall_effectiveness'
  | 'impact_of_leaders'
  | 'help_and_protection'
  | 'children_in_care_and_care_leavers'
  | 'children_in_care'
  | 'care_leavers'
  | 'sif_help_and_protection'
  | 'sif_looked_after_and_permanence'
  | 'sif_adoption_performance'
  | 'sif_care_leavers'
  | 'sif_leadership_management_governance';

/** A grade on Ofsted's four-point scale. "Requires improvement (to be good)" is `requires_improvement`. */
export type GradeKey = 'outstanding' | 'good' | 'requires_improvement' | 'inadequate';

/** One graded judgement, as printed and normalised. */
export interface Judgement {
  /** The judgement area as printed, e.g. "The experiences and progress of children in care". */
  area: string;
  /** The area's stable key, or null for an area this version does not know. */
  areaKey: JudgementAreaKey | null;
  /** The grade as printed, e.g. "Requires improvement to be good". */
  grade: string;
  /** The grade's stable key, or null when the printed grade is not on the four-point scale. */
  gradeKey: GradeKey | null;
}

/** What a report prints about itself. Fields the report does not print are null. */
export interface ReportMetadata {
  reportKind: ReportKind;
  /**
   * ILACS only: `short` (one week on site) or `standard` (two weeks on site). Reports do not
   * print it; it is inferred from the printed inspection dates (7 days or fewer: short). Null
   * for other kinds or when the dates are not printed.
   */
  inspectionType: 'standard' | 'short' | null;
  /** The title as printed, lines joined: "Inspection of Bedford local authority children's services". */
  title: string | null;
  /** The local authority's name, without "Council", "City", "Borough Council" ...: "Leeds". */
  localAuthority: string | null;
  /** The local authority's name as printed on the cover: "Leeds City", "Gateshead Borough Council". */
  localAuthorityAsPrinted: string | null;
  /** The inspection dates as printed: "29 November to 10 December 2021". */
  inspectionDates: string | null;
  /** First day of the inspection, ISO 8601 (YYYY-MM-DD). */
  inspectionStart: string | null;
  /** Last day of the inspection, ISO 8601 (YYYY-MM-DD). */
  inspectionEnd: string | null;
  /**
   * The publication date as printed ("Report published: 25 November 2016" in SIF reports; the
   * date on the cover of a council paper). ILACS reports do not print one.
   */
  publicationDate: string | null;
  /** {@link ReportMetadata.publicationDate} as ISO 8601 (YYYY-MM-DD). */
  publishedOn: string | null;
  /** The lead inspector's name, without the "His/Her Majesty's Inspector" title. */
  leadInspector: string | null;
  /** The graded judgements, in printed order. Empty when the report prints none. */
  judgements: Judgement[];
}

// How much of the reading text holds the cover and the judgement table.
const HEAD_LENGTH = 4000;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
// "14 to 18 July 2025", "17 March to 21 March 2025", "29 April 2019 to 3 May 2019", "22-23 September 2021".
const DATE_RANGE = `(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+${MONTH})?(?:\\s+(\\d{4}))?\\s*(?:to|–|—|-|and)\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})`;
const SINGLE_DATE = `(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})`;
const dateRangePattern = new RegExp(DATE_RANGE);
const singleDatePattern = new RegExp(`^${SINGLE_DATE}$`);
const inspectionDatesPattern = new RegExp(`(?:Inspection|Visit) dates?:\\s*(${DATE_RANGE}|${SINGLE_DATE})`, 'i');
const standaloneRangePattern = new RegExp(`^\\s*(${DATE_RANGE})\\s*$`, 'm');
const publishedPattern = new RegExp(`Report published:\\s*(${SINGLE_DATE})`, 'i');
const coverDatePattern = new RegExp(`^\\s*(${SINGLE_DATE})\\s*$`, 'm');

// A name: capitalised words ("Jenny-ellen", "McEntee", "O'Neill"), stopping before a title or label.
const NAME = "((?:(?!(?:Her|His|Deputy|Judgements?|Team|Ofsted|HMI|Inspection|Inspector)\\b)[A-Z][A-Za-z'’.-]*(?:,?[ \\t]+|,?$)){1,5})";
const leadInspectorPattern = new RegExp(`(?<!Deputy\\s)Lead inspector:\\s*${NAME}`);

const APOS = "['’]";
const ilacsTitlePattern = new RegExp(`Inspection of (.+?) local authority children${APOS}s services`);
const olderIlacsTitlePattern = new RegExp(`^(.{2,60}?)\\s+(Inspection of children${APOS}s social care services)`);
const sifTitlePattern =
  /^(.{2,60}?)\s+((?:Re-)?[Ii]nspection of services for children in need of help and protection,? children looked after and care leavers(?: and [Rr]eview of the effectiveness of the [Ll]ocal [Ss]afeguarding [Cc]hildren [Bb]oard)?)/;
const focusedVisitTitlePattern = new RegExp(`Focused visit to (.+?) (?:local authority )?children${APOS}s services`, 'i');
const sifHeadlinePattern = new RegExp(`Children${APOS}s services in (.+?) (?:(?:are|is)\\s+)?(inadequate|requires? improvement to be good|requires? improvement|good|outstanding)\\b`, 'i');

// Grades as printed in judgement tables: capitalised, standing alone ("good-quality" is not a grade).
const tableGradePattern = /(?<![\w-])(Requires improvement to be good|Requires improvement|Outstanding|Good|Inadequate)(?![\w-])/g;

const EXPERIENCES = 'the experiences and progress of';

interface AreaPattern {
  key: JudgementAreaKey;
  /** Normalised words of the label. */
  words: string[];
  /** Words that open the printed label and may be missing from the extracted text. */
  prefix?: string[];
  /** The printed prefix, restored when the extracted label lacks it. */
  printedPrefix?: string;
}

const toWords = (label: string): string[] => label.split(/\s+/).map(normaliseWord).filter(Boolean);

const experiences = (key: JudgementAreaKey, label: string): AreaPattern => ({ key, words: toWords(label), prefix: toWords(EXPERIENCES), printedPrefix: 'The experiences and progress of' });

// ILACS judgement table rows. Bedford and Leeds (2025) print "children care leavers".
const ilacsAreas: AreaPattern[] = [
  { key: 'impact_of_leaders', words: toWords('the impact of leaders on social work practice with children and families') },
  experiences('help_and_protection', 'children who need help and protection'),
  experiences('children_in_care_and_care_leavers', 'children in care and care leavers'),
  experiences('children_in_care', 'children in care'),
  experiences('care_leavers', 'children care leavers'),
  experiences('care_leavers', 'care leavers'),
  { key: 'overall_effectiveness', words: toWords('overall effectiveness') },
];

// SIF judgement table rows ("1. Children who need help and protection", "2.1 Adoption performance").
const sifAreas: AreaPattern[] = [
  { key: 'sif_help_and_protection', words: toWords('children who need help and protection') },
  { key: 'sif_looked_after_and_permanence', words: toWords('children looked after and achieving permanence') },
  { key: 'sif_adoption_performance', words: toWords('adoption performance') },
  { key: 'sif_care_leavers', words: toWords('experiences and progress of care leavers') },
  { key: 'sif_leadership_management_governance', words: toWords('leadership, management and governance') },
];

/**
 * Reads what the report prints about itself: kind, title, local authority, inspection and
 * publication dates, lead inspector and graded judgements. Fields it does not print are null.
 *
 * @param structure - the structure stage's result (cover and table lines, reading text, sections).
 * @returns the report's metadata; never throws.
 */
export function readMetadata(structure: Structure): ReportMetadata {
  const headText = structure.text.slice(0, HEAD_LENGTH);
  // The cover as lines (front block) when the structure stage found one, else the text's start.
  const coverLines = structure.frontLines.length > 0 ? structure.frontLines : headText.split('\n').slice(0, 12);
  const cover = flatten(coverLines.join('\n'));
  const head = flatten(headText);

  const council = structure.genre === 'council';
  const titled = council ? readCouncilTitle(coverLines) : readTitle(cover) ?? readTitle(head);
  const headline = sifHeadlinePattern.exec(head);
  const sif = !council && (/inspection of services for children in need of help and protection/i.test(titled?.title ?? '') || (headline !== null && /children looked after and achieving permanence/i.test(head)));

  const dates = readInspectionDates(cover) ?? readInspectionDates(head) ?? readStandaloneDates(headText);
  const published = council ? coverDatePattern.exec(coverLines.slice(0, 3).join('\n'))?.[1] : publishedPattern.exec(head)?.[1];
  const judgements = council ? readTable(structure.tableLines.join('\n'), ilacsAreas) : readJudgements(structure, head, sif, headline);
  const kind: ReportKind = council
    ? 'council-report'
    : sif
      ? 'single-inspection-framework'
      : /focused visit/i.test(titled?.title ?? '')
        ? 'focused-visit'
        : titled || judgements.length > 0 || structure.sections.some((section) => section.kind === 'judgement')
          ? 'ilacs'
          : 'unknown';
  const printedAuthority = titled?.authority ?? (sif && headline ? headline[1]!.trim() : null);

  return {
    reportKind: kind,
    inspectionType: kind === 'ilacs' && dates ? inferInspectionType(dates.start, dates.end) : null,
    title: titled?.title ?? null,
    localAuthority: printedAuthority === null ? null : normaliseAuthority(printedAuthority),
    localAuthorityAsPrinted: printedAuthority,
    inspectionDates: dates?.printed ?? null,
    inspectionStart: dates?.start ?? null,
    inspectionEnd: dates?.end ?? null,
    publicationDate: published ?? null,
    publishedOn: published ? parseSingleDate(published) : null,
    leadInspector: council ? null : readLeadInspector(head) ?? readLeadInspectorAnywhere(structure.text),
    judgements,
  };
}

// Lines joined with single spaces: wrapped titles and labels read as one string.
function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function readTitle(text: string): { title: string; authority: string | null } | null {
  const ilacs = ilacsTitlePattern.exec(text);
  if (ilacs) return { title: ilacs[0], authority: ilacs[1]!.trim() };
  const older = olderIlacsTitlePattern.exec(text);
  if (older) return { title: older[2]!, authority: older[1]!.trim() };
  const sif = sifTitlePattern.exec(text);
  if (sif) return { title: sif[2]!, authority: sif[1]!.trim() };
  const focused = focusedVisitTitlePattern.exec(text);
  if (focused) return { title: focused[0], authority: focused[1]!.trim() };
  return null;
}

function readCouncilTitle(lines: readonly string[]): { title: string; authority: null } | null {
  const title = lines.map((line) => /^\s*TITLE OF REPORT:\s*(.+)$/i.exec(line)?.[1]?.trim()).find(Boolean);
  return title ? { title, authority: null } : null;
}

/** "Leeds City" → "Leeds"; "Gateshead Borough Council" → "Gateshead"; "Somerset Council" → "Somerset". */
function normaliseAuthority(printed: string): string {
  return printed.replace(/\s+(?:(?:Metropolitan\s+)?Borough\s+Council|County\s+Council|City\s+Council|District\s+Council|Council|City)$/i, '').trim();
}

interface InspectionDates {
  printed: string;
  start: string | null;
  end: string | null;
}

function readInspectionDates(text: string): InspectionDates | null {
  const match = inspectionDatesPattern.exec(text);
  if (!match) return null;
  return withIsoDates(match[1]!.trim());
}

// Page 1's footer prints the dates alone on a line ("12 to 16 May 2025") when the cover does not.
function readStandaloneDates(text: string): InspectionDates | null {
  const match = standaloneRangePattern.exec(text);
  return match ? withIsoDates(match[1]!.trim()) : null;
}

function withIsoDates(printed: string): InspectionDates {
  const range = dateRangePattern.exec(printed);
  if (!range) {
    const single = parseSingleDate(printed);
    return { printed, start: single, end: single };
  }
  const [, startDay, startMonth, startYear, endDay, endMonth, endYear] = range;
  const end = isoDate(Number(endYear), endMonth!, Number(endDay));
  const month = startMonth ?? endMonth!;
  let year = startYear ? Number(startYear) : Number(endYear);
  // "29 December to 2 January 2026": the start falls in the previous year.
  if (!startYear && MONTHS.indexOf(month.toLowerCase()) > MONTHS.indexOf(endMonth!.toLowerCase())) year -= 1;
  return { printed, start: isoDate(year, month, Number(startDay)), end };
}

function parseSingleDate(printed: string): string | null {
  const match = singleDatePattern.exec(printed.trim());
  return match ? isoDate(Number(match[3]), match[2]!, Number(match[1])) : null;
}

function isoDate(year: number, month: string, day: number): string | null {
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  if (monthIndex < 0 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, monthIndex, day));
  if (date.getUTCMonth() !== monthIndex) return null;
  return date.toISOString().slice(0, 10);
}

// ILACS: short inspections are one week on site, standard inspections two.
function inferInspectionType(start: string | null, end: string | null): 'short' | 'standard' | null {
  if (!start || !end) return null;
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
  if (days < 1 || days > 21) return null;
  return days <= 7 ? 'short' : 'standard';
}

// The whole text is flattened only when it names a lead inspector at all (most pasted seeds do
// not): flattening every report's text cost a few per cent of tagText.
function readLeadInspectorAnywhere(text: string): string | null {
  return /Lead\s+inspector/.test(text) ? readLeadInspector(flatten(text)) : null;
}

function readLeadInspector(text: string): string | null {
  const name = leadInspectorPattern.exec(text)?.[1]?.trim().replace(/,$/, '');
  return name ? name : null;
}

function readJudgements(structure: Structure, head: string, sif: boolean, headline: RegExpExecArray | null): Judgement[] {
  if (sif) {
    const judgements: Judgement[] = [];
    if (headline) {
      judgements.push({ area: `Children's services in ${headline[1]!.trim()}`, areaKey: 'overall_effectiveness', grade: headline[2]!, gradeKey: gradeKeyOf(headline[2]!) });
    }
    const tableStart = headline ? headline.index + headline[0].length : 0;
    return [...judgements, ...readTable(head.slice(tableStart), sifAreas)];
  }
  if (structure.tableLines.length > 0) {
    const fromTable = readTable(structure.tableLines.join('\n'), ilacsAreas);
    if (fromTable.length > 0) return fromTable;
  }
  // No table block: the cover and table may sit in the first paragraph of the text.
  const header = /\bJudgements?\s+Grades?\b/.exec(head);
  if (header) {
    const fromText = readTable(head.slice(header.index), ilacsAreas);
    if (fromText.length > 0) return fromText;
  }
  // Last resort: the judgement section headings ("... help and protection: good").
  return structure.sections
    .filter((section) => section.kind === 'judgement' && section.grade)
    .map((section) => {
      const words = toWords(section.title);
      const match = ilacsAreas.find((pattern) => matchesWhole(words, pattern));
      return { area: section.title, areaKey: match?.key ?? null, grade: section.grade!, gradeKey: gradeKeyOf(section.grade!) };
    });
}

function matchesWhole(words: readonly string[], pattern: AreaPattern): boolean {
  const full = [...(pattern.prefix ?? []), ...pattern.words];
  return full.length === words.length && full.every((word, index) => words[index] === word);
}

type Token = { kind: 'grade'; text: string } | { kind: 'word'; text: string; norm: string };

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  const pushWords = (chunk: string): void => {
    for (const word of chunk.split(/\s+/)) {
      if (!word) continue;
      tokens.push({ kind: 'word', text: word, norm: normaliseWord(word) });
    }
  };
  for (const match of text.matchAll(tableGradePattern)) {
    pushWords(text.slice(last, match.index));
    tokens.push({ kind: 'grade', text: match[0] });
    last = match.index + match[0].length;
  }
  pushWords(text.slice(last));
  return tokens;
}

function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Reads a judgement table given as text: area labels (possibly wrapped, possibly missing their
 * first line) each followed by a grade. Grades may sit inside a wrapped label (OCR puts the
 * grade on the label's first line); they are paired with the label they sit in. Reading stops
 * at the first words that are not a known area label: the end of the table.
 */
function readTable(text: string, areas: readonly AreaPattern[]): Judgement[] {
  const tokens = tokenise(text);
  let position = 0;
  // Skip the header row "Judgement | Grade" (PDF) or "Judgement" / "Grade" (pasted text).
  const header = tokens.findIndex((token) => token.kind === 'word' && /^judgements?$/.test(token.norm));
  const next = tokens[header + 1];
  if (header >= 0 && header < 3 && next?.kind === 'word' && /^grades?$/.test(next.norm)) position = header + 2;

  const judgements: Judgement[] = [];
  for (;;) {
    // SIF rows are numbered: "1.", "2.1".
    while (tokens[position]?.kind === 'word' && /^\d{1,2}(?:\.\d{1,2})*\.?$/.test(tokens[position]!.text)) position += 1;
    const match = matchArea(tokens, position, areas);
    if (!match) break;
    position = match.end;
    const grades = [...match.grades];
    while (tokens[position]?.kind === 'grade') grades.push(tokens[position++]!.text);
    if (grades.length === 0) break;
    const grade = grades[0]!;
    judgements.push({ area: match.printed, areaKey: match.key, grade, gradeKey: gradeKeyOf(grade) });
  }
  return judgements;
}

interface AreaMatch {
  key: JudgementAreaKey;
  printed: string;
  end: number;
  grades: string[];
}

// The longest area label that starts at `start`, skipping any grades inside it.
function matchArea(tokens: readonly Token[], start: number, areas: readonly AreaPattern[]): AreaMatch | null {
  let best: (AreaMatch & { length: number }) | null = null;
  for (const pattern of areas) {
    for (const withPrefix of pattern.prefix ? [true, false] : [false]) {
      const wanted = withPrefix ? [...pattern.prefix!, ...pattern.words] : pattern.words;
      const matched = matchWords(tokens, start, wanted);
      if (!matched || (best && best.length >= wanted.length)) continue;
      const printed = withPrefix || !pattern.printedPrefix ? matched.printed : `${pattern.printedPrefix} ${matched.printed}`;
      best = { key: pattern.key, printed, end: matched.end, grades: matched.grades, length: wanted.length };
    }
  }
  return best && { key: best.key, printed: best.printed, end: best.end, grades: best.grades };
}

function matchWords(tokens: readonly Token[], start: number, wanted: readonly string[]): { printed: string; end: number; grades: string[] } | null {
  const words: string[] = [];
  const grades: string[] = [];
  let index = start;
  let matched = 0;
  while (matched < wanted.length) {
    const token = tokens[index];
    if (!token) return null;
    index += 1;
    if (token.kind === 'grade') {
      // A grade before the label's first word belongs to the previous row.
      if (matched === 0) return null;
      grades.push(token.text);
      continue;
    }
    if (!token.norm) continue;
    if (token.norm !== wanted[matched]) return null;
    words.push(token.text);
    matched += 1;
  }
  return { printed: words.join(' '), end: index, grades };
}

/** The stable key of a printed grade ("Requires improvement to be good" → requires_improvement), or null. */
export function gradeKeyOf(printed: string): GradeKey | null {
  const grade = printed.trim().toLowerCase();
  if (grade === 'outstanding') return 'outstanding';
  if (grade === 'good') return 'good';
  if (grade === 'inadequate') return 'inadequate';
  if (grade.startsWith('requires improvement') || grade.startsWith('require improvement')) return 'requires_improvement';
  return null;
}
