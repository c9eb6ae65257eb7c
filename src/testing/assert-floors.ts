/**
 * Quality floors for a test suite: fail when a theme's pair F1 falls below the floor set for it.
 */
import { AssertionError } from 'node:assert';
import { validationError } from '../errors.js';
import type { Evaluation } from '../evaluate/score.js';
import type { GoldScore } from './score-against-gold.js';

/** Pair F1 per theme, from a {@link GoldScore} or an `evaluate` result. */
function pairF1(scores: GoldScore | Evaluation): Record<string, number> {
  if (typeof scores !== 'object' || scores === null) throw new TypeError(`practice-themes: assertFloors() expects the result of scoreAgainstGold() or evaluate(), got ${scores === null ? 'null' : typeof scores}`);
  if ('f1' in scores && typeof scores.f1 === 'object') return scores.f1;
  if ('pairs' in scores && typeof scores.pairs === 'object') return Object.fromEntries(Object.entries(scores.pairs.byTheme).map(([theme, value]) => [theme, value.f1]));
  throw new TypeError('practice-themes: assertFloors() expects the result of scoreAgainstGold() or evaluate()');
}

/**
 * Throws an AssertionError listing every theme whose pair F1 is below its floor. A theme with a
 * floor that neither the gold nor the findings mention has no score, and fails too.
 *
 * @param scores - from scoreAgainstGold() or evaluate().
 * @param floors - theme id → lowest acceptable F1 (0–1).
 * @throws AssertionError when a theme is below its floor; PracticeThemesError INVALID_OPTIONS when a floor is not a number from 0 to 1.
 * @example
 * assertFloors(scoreAgainstGold(report, gold), { peps: 0.8, plans: 0.6 });
 */
export function assertFloors(scores: GoldScore | Evaluation, floors: Record<string, number>): void {
  const bad = Object.entries(floors)
    .filter(([, floor]) => typeof floor !== 'number' || !(floor >= 0 && floor <= 1))
    .map(([theme, floor]) => ({ path: [theme], message: `floor ${JSON.stringify(floor)} is not a number from 0 to 1` }));
  if (bad.length > 0) throw validationError('INVALID_OPTIONS', 'floors', bad, 'give each theme an F1 floor from 0 to 1, e.g. { peps: 0.8 }');
  const f1 = pairF1(scores);
  const below = Object.entries(floors).filter(([theme, floor]) => !(theme in f1) || f1[theme]! < floor);
  if (below.length === 0) return;
  const lines = below.map(([theme, floor]) =>
    theme in f1 ? `  ${theme}: F1 ${f1[theme]!.toFixed(3)} < floor ${floor}` : `  ${theme}: not scored (neither the gold nor the findings have a pair for it) < floor ${floor}`,
  );
  throw new AssertionError({
    message: `practice-themes: ${below.length} theme${below.length === 1 ? ' is' : 's are'} below ${below.length === 1 ? 'its' : 'their'} F1 floor:\n${lines.join('\n')}`,
    actual: Object.fromEntries(below.map(([theme]) => [theme, f1[theme] ?? null])),
    expected: Object.fromEntries(below),
    operator: 'assertFloors',
  });
}
