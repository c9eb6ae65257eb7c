/**
 * Tag a report pasted as text and print its core-theme findings as a table.
 * Run: npx tsx examples/tag-seed.ts [path/to/report.txt]
 */
import { readFileSync } from 'node:fs';
import { tagText } from 'practice-themes';

const path = process.argv[2] ?? new URL('../../shared/corpus/seeds/000_4cd93a9b524f4123.txt', import.meta.url);
const report = tagText(readFileSync(path, 'utf8'));
const core = ['supervision', 'plans', 'life_story_work', 'return_home_interviews', 'camhs', 'peps'];

console.log(`${report.metadata.reportKind}: ${report.paragraphs.length} paragraphs, ${report.findings.length} findings\n`);
console.log(`${'¶'.padEnd(10)}${'theme'.padEnd(24)}${'polarity'.padEnd(10)}conf   sentence`);
for (const finding of report.findings.filter((candidate) => core.includes(candidate.theme))) {
  const sentence = finding.sentence.length > 90 ? `${finding.sentence.slice(0, 87)}...` : finding.sentence;
  console.log(`${finding.paragraph.padEnd(10)}${finding.theme.padEnd(24)}${finding.polarity.padEnd(10)}${finding.confidence.toFixed(2)}   ${sentence}`);
}
