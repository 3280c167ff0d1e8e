/**
 * The trigger-rule file format, declared once with zod: it validates files on load (errors carry
 * the field path) and is exported as the published JSON Schema (`npm run schema:build`).
 */
import { z } from 'zod';

// No Function('') probe for zod's compiled fast path: the app's Content-Security-Policy has no
// unsafe-eval, and the probe would be reported as a violation.
z.config({ jitless: true });
import { PHASES } from '../types';

export const COMPARISON_OPS = ['<', '<=', '>', '>='] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** A single comparison: subject (indicator value, another column or a formula) op threshold. */
export const compareSchema = z
  .strictObject({
    op: z
      .enum(COMPARISON_OPS)
      .describe('Comparison; the edge is spelled out: < excludes, <= includes.'),
    value: finite.optional().describe('Absolute threshold in the unit of the subject.'),
    quantile: z
      .number()
      .gt(0)
      .lt(1)
      .optional()
      .describe(
        'Threshold is this quantile (QUARTILE.INC/type 7) of the comparison group, e.g. 0.25.',
      ),
    benchmark: z
      .literal('mean')
      .optional()
      .describe('Threshold is the comparison group mean (dataset or authority, by scope).'),
    margin: finite
      .optional()
      .describe('Added to the benchmark mean, e.g. -2 for "2 below the mean".'),
    column: z
      .string()
      .min(1)
      .optional()
      .describe('Compare this column instead of the indicator value.'),
    expr: z
      .string()
      .min(1)
      .optional()
      .describe('Compare this formula instead of the indicator value.'),
  })
  .describe('Comparison condition');

export type CompareCondition = z.infer<typeof compareSchema>;
export type Condition = CompareCondition | { all: Condition[] } | { any: Condition[] };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    compareSchema,
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
  ]),
);

export const RULE_RATINGS = ['red', 'amber', 'green', 'none'] as const;

export const clauseSchema = z.strictObject({
  rating: z.enum(RULE_RATINGS),
  when: conditionSchema.optional().describe('Omitted: always matches ("otherwise").'),
  note: z.string().optional().describe('Optional wording shown with the reason.'),
});
export type Clause = z.infer<typeof clauseSchema>;

const phaseEnum = z.enum(PHASES);

export const aggregateSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('weighted_mean'),
    weight: z.string().min(1).default('pupils').optional(),
  }),
  z.strictObject({ kind: z.literal('mean') }),
  z.strictObject({
    kind: z.literal('ratio'),
    numerator: z.string().min(1),
    denominator: z.string().min(1),
    scale: finite.optional(),
  }),
]);
export type Aggregate = z.infer<typeof aggregateSchema>;

export const rollupSchema = z.strictObject({
  method: z.string().min(1).describe('Name in the roll-up method registry: share, aggregate, ...'),
  redShare: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe('share: red when at least this share is red.'),
  redOrAmberShare: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe('share: amber when at least this share is red or amber.'),
  aggregate: aggregateSchema.optional(),
});

export const indicatorSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case'),
  label: z.string().min(1),
  family: z.string().min(1),
  kind: z.enum(['context', 'performance']),
  column: z.string().min(1).optional(),
  formula: z.string().min(1).optional(),
  polarity: z.enum(['higher_is_better', 'lower_is_better', 'neutral']),
  unit: z.string(),
  decimals: z.number().int().min(0).max(6).optional(),
  phases: z.union([z.literal('all'), z.array(phaseEnum).min(1)]),
  comparison: z
    .strictObject({ scope: z.enum(['dataset', 'la', 'partnership', 'england']) })
    .describe(
      'Whose schools a percentile or mean is of: the same phase and year in the whole dataset, the same authority, the same partnership, or all of England (the shipped England figures: deciles, quartiles and the mean).',
    )
    .optional(),
  minPupils: z.number().int().min(0).optional(),
  pupilsColumn: z.string().min(1).optional(),
  /**
   * When the pupils column has no value: "not_rated" (the default) or "rated" as usual, for a
   * cohort size some files do not give (e.g. the national KS2 file of 2018/19).
   */
  unknownPupils: z.enum(['not_rated', 'rated']).optional(),
  clauses: z.array(clauseSchema).optional(),
  byPhase: z.partialRecord(phaseEnum, z.array(clauseSchema)).optional(),
  rollup: rollupSchema,
  description: z.string().optional(),
});
export type IndicatorRule = z.infer<typeof indicatorSchema>;

export const overallSchema = z.strictObject({
  redWhenRedCount: z.number().int().min(1).describe('Red ("causing concern") at this many reds.'),
  amberWhenRedCount: z.number().int().min(1),
  amberWhenAmberCount: z.number().int().min(1),
});
export type OverallRule = z.infer<typeof overallSchema>;

export const ruleSetSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  version: z.union([z.number(), z.string()]),
  description: z.string().optional(),
  overall: overallSchema,
  indicators: z.array(indicatorSchema).min(1),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;
