/**
 * Plain-text tables of an evaluation, for `npm run eval` and `practice-themes eval`.
 */
import { coreThemeIds } from '../themes/taxonomy.js';
import type { Evaluation, PrecisionRecall } from './score.js';

const percent = (value: number): string => (value * 100).toFixed(1).padStart(5);
const row = (name: string, score: PrecisionRecall): string =>
  `${name.padEnd(26)} ${percent(score.precision)} ${percent(score.recall)} ${percent(score.f1)}   ${String(score.truePositives).padStart(4)} ${String(score.falsePositives).padStart(4)} ${String(score.falseNegatives).padStart(4)}`;

/** Side-by-side summary of several named evaluations (e.g. classifier and baseline). */
export function formatComparison(evaluations: Record<string, Evaluation>): string {
  const names = Object.keys(evaluations);
  const lines: string[] = [];
  const metric = (label: string, pick: (evaluation: Evaluation) => number) =>
    lines.push(`${label.padEnd(34)} ${names.map((name) => percent(pick(evaluations[name]!)).padStart(14)).join('')}`);
  lines.push(`${''.padEnd(34)} ${names.map((name) => name.padStart(14)).join('')}`);
  metric('core pair micro-F1', (evaluation) => evaluation.pairs.core.f1);
  metric('core theme-only F1', (evaluation) => evaluation.themes.core.f1);
  metric('core polarity accuracy', (evaluation) => evaluation.polarityAccuracy.core);
  metric('all-theme pair micro-F1', (evaluation) => evaluation.pairs.all.f1);
  metric('all-theme theme-only F1', (evaluation) => evaluation.themes.all.f1);
  // The core themes each evaluation was told of; a theme with no pair in one is shown as "–", not 0.
  const themes = [...new Set(names.flatMap((name) => evaluations[name]!.coreThemes ?? coreThemeIds))];
  for (const theme of themes) {
    lines.push(`${`  ${theme} pair F1`.padEnd(34)} ${names.map((name) => { const scores = evaluations[name]!.pairs.byTheme[theme]; return (scores ? percent(scores.f1) : '–').padStart(14); }).join('')}`);
  }
  return lines.join('\n');
}

/** The full table of one evaluation: micro scores, per theme, confusion, and optionally errors. */
export function formatEvaluation(evaluation: Evaluation, options: { errors?: number } = {}): string {
  const lines: string[] = [];
  const header = `${''.padEnd(26)}     P     R    F1     TP   FP   FN`;
  lines.push(`(theme, polarity) pairs over ${evaluation.documents} documents`, header, row('core micro', evaluation.pairs.core), row('all micro', evaluation.pairs.all));
  for (const [theme, score] of Object.entries(evaluation.pairs.byTheme)) lines.push(row(`  ${theme}`, score));
  lines.push('', 'theme only (polarity ignored)', header, row('core micro', evaluation.themes.core), row('all micro', evaluation.themes.all));
  for (const theme of evaluation.coreThemes ?? coreThemeIds) if (evaluation.themes.byTheme[theme]) lines.push(row(`  ${theme}`, evaluation.themes.byTheme[theme]));
  lines.push('', `polarity accuracy on found themes: core ${percent(evaluation.polarityAccuracy.core)}%, all ${percent(evaluation.polarityAccuracy.all)}%`);
  const columns = ['S', 'W', 'S+W', 'N', '-'];
  lines.push('', 'confusion, core themes (rows gold, columns predicted; S strength, W weakness, N neutral, - none)', `${'gold\\pred'.padEnd(10)}${columns.map((column) => column.padStart(6)).join('')}`);
  for (const gold of columns) {
    const counts = evaluation.confusion[gold];
    if (counts) lines.push(`${gold.padEnd(10)}${columns.map((column) => String(counts[column] ?? 0).padStart(6)).join('')}`);
  }
  const limit = options.errors ?? 0;
  if (limit > 0) {
    lines.push('', `misses (first ${limit})`);
    for (const miss of evaluation.misses.slice(0, limit)) lines.push(`  ${miss.report} ¶${miss.paragraph} ${miss.theme}/${miss.polarity}: ${miss.text.slice(0, 160)}`);
    lines.push('', `false alarms (first ${limit})`);
    for (const alarm of evaluation.falseAlarms.slice(0, limit)) lines.push(`  ${alarm.report} ¶${alarm.paragraph} ${alarm.theme}/${alarm.polarity}: ${alarm.text.slice(0, 160)}`);
  }
  return lines.join('\n');
}
