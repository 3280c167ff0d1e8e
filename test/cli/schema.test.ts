import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleSetJsonSchema } from '../../src/cli/schema-build';

describe('published JSON Schema', () => {
  it('is the one generated from the validating schema (run npm run schema:build after changing it)', () => {
    const published = JSON.parse(readFileSync('public/data/rules/rules.schema.json', 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(ruleSetJsonSchema())));
  });
  it('is referenced by the shipped preset', () => {
    expect(JSON.parse(readFileSync('public/data/rules/essex-style.json', 'utf8')).$schema).toBe(
      './rules.schema.json',
    );
  });
});
