/**
 * Shared by the matchers: reading a received value as a Report, and printing findings.
 */
import type { Finding } from '../findings/aggregate.js';
import type { Report } from '../pipeline.js';

/** The received value as a Report, or a TypeError naming what arrived instead. */
export function asReport(received: unknown, matcher: string): Report {
  const value = received as Partial<Report> | null;
  if (typeof value !== 'object' || value === null || typeof value.text !== 'string' || !Array.isArray(value.findings) || !Array.isArray(value.paragraphs) || !Array.isArray(value.sentences)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? `an object with keys ${Object.keys(value).slice(0, 6).join(', ') || '(none)'}` : typeof value;
    throw new TypeError(`practice-themes: ${matcher}() expects a Report from tagText/tagReport, but got ${found} — call it as expect(report).${matcher}(...)`);
  }
  return value as Report;
}

/** One line per finding: `  ¶27 camhs/weakness (0.96) "The emotional health needs…"`. */
export function describeFindings(findings: readonly Finding[], limit = 40): string {
  if (findings.length === 0) return '  (none)';
  const lines = findings.slice(0, limit).map((finding) => {
    const sentence = finding.sentence.length > 100 ? `${finding.sentence.slice(0, 100)}…` : finding.sentence;
    return `  ¶${finding.paragraph} ${finding.theme}/${finding.polarity} (${finding.confidence.toFixed(2)}) ${JSON.stringify(sentence)}`;
  });
  if (findings.length > limit) lines.push(`  … and ${findings.length - limit} more`);
  return lines.join('\n');
}
