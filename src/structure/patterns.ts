/**
 * The recurring wording of Ofsted reports and council papers that structure recovery relies on.
 * Each pattern is a statement about the genre, not about one document.
 */

/** Grades a judgement can carry, in the words reports print. */
export const gradePattern = /(outstanding|good|requires improvement(?: to be good)?|inadequate)/i;

// The judgement areas a heading or table row opens with, as printed (after an optional "The").
const judgementAreas = ['impact of leaders', 'experiences and progress of', 'effectiveness of leaders', 'overall effectiveness', 'leadership, management and governance', 'adoption performance', 'children looked after'];
const areaAlternatives = judgementAreas.join('|');
// "[Ii]mpact of leaders": the first letter in either case, for a pattern that is case-sensitive.
const eitherCaseInitial = (words: string): string => `[${words[0]!.toUpperCase()}${words[0]}]${words.slice(1)}`;

/** A judgement section heading: "The experiences and progress of children in care: good". */
export const judgementHeadingPattern = new RegExp(
  `^((?:The\\s+)?(?:${areaAlternatives})\\b[^.]*?)(?:\\s+is|\\s+are)?\\s*(?::|\\t)\\s*(outstanding|good|requires improvement(?: to be good)?|inadequate)\\.?$`,
  'i',
);

/**
 * The same heading where the grade follows after plain spaces, as when a PDF's tab is pasted as a
 * space ("The experiences and progress of children who need help and protection Inadequate"): the
 * grade must then be capitalised and end the line, which no wrapped sentence does. Only the
 * area's first letter may be either case, so the pattern itself is case-sensitive.
 */
export const spacedJudgementHeadingPattern = new RegExp(
  `^((?:[Tt]he\\s+)?(?:${judgementAreas.map(eitherCaseInitial).join('|')})\\b[^.]*?)\\s+(Outstanding|Good|Requires improvement(?: to be good)?|Inadequate)$`,
);

/** The opening words of a judgement area, which may wrap before its grade (even before "of"). */
export const judgementAreaStartPattern = new RegExp(`^(?:The\\s+)?(?:${judgementAreas.map((area) => area.replace(/ of$/, '')).join('|')})`, 'i');

/**
 * A judgement table row that carries its grade after a tab ("1. Children who need help and
 * protection<TAB>Inadequate"), or after a space where the tab was pasted as one; callers check
 * that the rest of the line is table words.
 */
export const gradedRowPattern = /\s(?:Outstanding|Good|Requires improvement(?: to be good)?|Inadequate)\s*$/;

/** "What needs to improve", "What needs to improve?", "What needs to improve in this local authority?" */
export const improveHeadingPattern = /^what\s+needs\s+to\s+improve\b[^.]{0,60}$/i;

/** The title of an Ofsted report, which also repeats as a running header. */
export const reportTitlePattern = /^(?:(?:Re-?)?inspection of|Focused visit to|Joint targeted area inspection of|Monitoring visit to)\b.*\b(?:children'?s services|local authority)\b/i;

/** A running header split over two lines ends in this fragment. */
export const titleTailPattern = /^(?:local authority\s+)?children'?s services$/i;

/** Cover-page facts of an Ofsted report. */
export const frontMatterPattern =
  /^(?:Inspection dates?:|Dates? of inspection|Lead inspector:|Report published:|Published:|Date of (?:visit|publication)|Local authority:|Inspection of|(?:Re-?)?inspection of services|Focused visit to|Children'?s services in .+ (?:(?:are|is) )?(?:outstanding|good|inadequate|requires improvement)|TITLE OF REPORT:?|REPORT OF:?|REPORT TO:?|Date:|Purpose:?\s*$|\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$)/i;

/** Start of the closing Ofsted boilerplate page. */
export const boilerplateStartPattern =
  /^(?:The Office for Standards in Education, Children'?s Services and Skills \(Ofsted\)(?: regulates)?$|The Office for Standards in Education, Children'?s Services and Skills \(Ofsted\) regulates|If you would like a copy of this document in a different format)/i;

/** The cover line that opens an Ofsted report's title (the rest may wrap to the next line). */
export const titleOpeningPattern = /^(?:(?:Re-?)?[Ii]nspection of|Focused visit to|Joint targeted area inspection of|Monitoring visit to)\b/;

/** Footnotes printed on every report since 2023, cross-referencing the National Framework. */
export const footnoteStartPattern = /^\d{1,2}\s+(?:The areas for improvement have been cross-referenced|See the Children'?s Social Care: National Framework|Children'?s Social Care: National Framework)/i;

/** A page number on a line of its own. */
export const pageNumberPattern = /^\d{1,3}$/;

/** Lines that are only page furniture wherever they appear. */
export const furnitureLinePatterns = [
  pageNumberPattern,
  /^page \d+( of \d+)?$/i,
  /^-{3,}$/, // a Markdown rule
  /^\*{3,}$/,
  /^©\s*Crown copyright/i,
  /^(?:T|E|W):\s*\S/, // Ofsted contact footer
  /^Textphone:/i,
  /^www\.gov\.uk\/(?:government\/organisations\/)?ofsted$/i,
  /^Contents$/i, // a contents page: its lines end in a tab and a page number
  /\t\d{1,3}$/,
];

/** The words the judgement table is made of; a line of only these words is part of the table. */
export const tableWords = new Set(
  (
    'judgement judgements grade grades the impact of leaders on social work practice with children and families experiences progress ' +
    'who need help protection in care leavers overall effectiveness outstanding good requires improvement to be inadequate ' +
    "children's childrens care-leavers young people looked after adoption performance leadership management governance ofsted achieving permanence progress"
  ).split(' '),
);

/** Sentence-final punctuation, allowing closing quotes or brackets after it. */
export const terminalPunctuation = /[.!?]["')\]]*$|[:;]$/;
