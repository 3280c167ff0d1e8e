/** Writes the published JSON Schema of rule files, generated from the same zod schema that validates them. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { ruleSetSchema } from '../domain/rules/schema';
import { writeAtomic } from './files';

export function ruleSetJsonSchema(): object {
  return {
    ...z.toJSONSchema(ruleSetSchema, { io: 'input' }),
    $id: 'https://school-rag-dashboard/rules.schema.json',
    title: 'School RAG Dashboard trigger rules',
  };
}

if (process.argv[1]?.endsWith('schema-build.ts')) {
  const out = resolve(import.meta.dirname, '../../public/data/rules/rules.schema.json');
  writeAtomic(out, `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`);
  process.stderr.write(`wrote ${out}\n`);
}
