/**
 * Similar schools as the school page shows them, as plain data worked out where the table
 * lives: the schools nearest a row (similar.ts), where the row stands among them on each
 * performance indicator, and each school's measures and overall rating.
 */
import { median } from 'd3-array';
import type { TableRatings } from './engine/rate-table';
import { ratingAt } from './engine/query';
import { primaryType, rankAmong, similarRows } from './similar';
import { textAt, valueAt } from './table/school-table';
import { textOf } from './table/text-column';
import type { Rating } from './types';

export interface SimilarPosition {
  /** The indicator's id (its label, unit and polarity are in the rules). */
  indicator: string;
  own: number;
  rank: { rank: number; of: number };
  /** Median among the similar schools (NaN when none has a value). */
  mid: number;
}

export interface SimilarSchool {
  urn: string;
  name: string;
  laName: string;
  /** Infant, junior or primary ('' otherwise). */
  type: string;
  fsm: number | undefined;
  /** SEN support plus EHC plan %, undefined unless both are known. */
  sen: number | undefined;
  prior: number | undefined;
  pupils: number | undefined;
  overall: Rating;
}

export interface SimilarView {
  year: string;
  /** The type the schools share ('' when not a primary or its ages are unknown). */
  type: string;
  positions: SimilarPosition[];
  /** Nearest first. */
  schools: SimilarSchool[];
}

export function similarView(tr: TableRatings, row: number): SimilarView {
  const t = tr.table;
  const similar = similarRows(t, row);
  const positions = tr.indicators.flatMap((col): SimilarPosition[] => {
    if (col.ind.rule.kind !== 'performance') return [];
    const own = col.value[row] as number;
    const others = similar.rows.map((i) => col.value[i] as number);
    const r = rankAmong(own, others, col.ind.rule.polarity === 'lower_is_better');
    if (!r || r.of < 2) return [];
    const mid = median(others.filter((v) => !Number.isNaN(v))) ?? NaN;
    return [{ indicator: col.ind.id, own, rank: r, mid }];
  });
  const schools = similar.rows.map((i): SimilarSchool => {
    const support = valueAt(t, 'sen_support_pct', i);
    const plan = valueAt(t, 'sen_ehcp_pct', i);
    return {
      urn: textOf(t.urn, i),
      name: textOf(t.name, i),
      laName: textAt(t.laName, i),
      type: primaryType(t, i),
      fsm: valueAt(t, 'fsm_pct', i),
      sen: support === undefined || plan === undefined ? undefined : support + plan,
      prior: valueAt(t, 'ks2_prior_aps', i),
      pupils: valueAt(t, 'pupils', i),
      overall: ratingAt(tr, -1, i),
    };
  });
  return { year: textAt(t.year, row), type: similar.type, positions, schools };
}
