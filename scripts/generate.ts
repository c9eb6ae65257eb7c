/**
 * npm run generate: JSON Schemas of the model files (for editors) and the README's theme table,
 * both derived from the zod schemas and models/taxonomy.json. tests/docs.test.ts keeps them in step.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { classifierModelSchema, polarityModelSchema } from '../src/schemas/model.js';
import { taxonomySchema } from '../src/schemas/taxonomy.js';
import { defaultTaxonomy } from '../src/themes/taxonomy.js';
import { repoRoot } from './corpus.js';

export function schemaFiles(): Record<string, string> {
  const write = (schema: z.ZodType) => `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
  return {
    'models/taxonomy.schema.json': write(taxonomySchema),
    'models/polarity.schema.json': write(polarityModelSchema),
    'models/classifier.schema.json': write(classifierModelSchema),
  };
}

export function themeTable(): string {
  const rows = defaultTaxonomy().themes.map((theme) => {
    const signals = [...theme.acronyms, ...theme.terms].slice(0, 8).map((term) => `\`${term}\``).join(', ');
    return `| \`${theme.id}\`${theme.core ? ' (core)' : ''} | ${theme.label} | ${signals} |`;
  });
  return ['| id | theme | some of its terms |', '|---|---|---|', ...rows].join('\n');
}

const start = '<!-- theme-table:start -->';
const end = '<!-- theme-table:end -->';

export function readmeWithTable(readme: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1) return readme;
  return `${readme.slice(0, from + start.length)}\n${themeTable()}\n${readme.slice(to)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [path, content] of Object.entries(schemaFiles())) writeFileSync(join(repoRoot, path), content);
  const readmePath = join(repoRoot, 'README.md');
  writeFileSync(readmePath, readmeWithTable(readFileSync(readmePath, 'utf8')));
  console.log('wrote models/*.schema.json and the README theme table');
}
