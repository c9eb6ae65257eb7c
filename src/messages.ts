/**
 * Messages: things worth knowing about a report that are not errors (a recovered paragraph
 * number, a numbering conflict). They ride on `report.messages`; nothing is thrown.
 */
import type { Span } from './span.js';

export interface ReportMessage {
  reason: string;
  ruleId: string;
  source: string;
  level: 'warning' | 'info';
  place: Span;
  actual?: string;
  expected?: string;
  note?: string;
}

/** One line per message: "warning 120-180 paragraph-number-conflict: reason". */
export function formatMessages(messages: readonly ReportMessage[]): string {
  return messages.map((message) => `${message.level} ${message.place.start}-${message.place.end} ${message.ruleId}: ${message.reason}`).join('\n');
}
