/**
 * npm run eval: the evaluation table (classifier leave-one-report-out, rules alone, keyword baseline).
 * Arguments are those of `practice-themes eval`, e.g. `npm run eval -- --errors 50`.
 */
import { evaluateCommand } from '../src/evaluate/command.js';

process.exitCode = await evaluateCommand(process.argv.slice(2));
