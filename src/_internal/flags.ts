/**
 * Command-line flags declared as data: one table gives node:util parseArgs its options and
 * produces the --help lines, so the two cannot drift apart.
 */

export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  /** The value's name in --help ("file", "N"). */
  value?: string;
  description: string;
}

/** Help lines for a flag table, aligned in two columns. */
export function flagHelp(flags: Record<string, FlagSpec>): string[] {
  const rows = Object.entries(flags).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    const value = spec.value ? ` <${spec.value}>` : '';
    const fallback = spec.default !== undefined ? ` (default: ${String(spec.default)})` : '';
    return [`  ${short}--${name}${value}`, `${spec.description}${fallback}`] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => left.padEnd(width) + right);
}
