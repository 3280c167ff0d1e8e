/**
 * A derived formula evaluated over whole columns: one loop per operator, NaN for a missing input
 * or a division by zero (where the row-at-a-time evaluator gives undefined), so a derived value
 * is missing rather than wrong.
 */
import type { Formula } from '../formula';

export function evaluateFormulaColumn(
  f: Formula,
  column: (name: string) => Float64Array,
  n: number,
): Float64Array {
  switch (f.kind) {
    case 'num':
      return new Float64Array(n).fill(f.value);
    case 'col':
      return column(f.name);
    case 'neg': {
      const a = evaluateFormulaColumn(f.arg, column, n);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = -(a[i] as number);
      return out;
    }
    case 'bin': {
      const a = evaluateFormulaColumn(f.left, column, n);
      const b = evaluateFormulaColumn(f.right, column, n);
      const out = new Float64Array(n);
      switch (f.op) {
        case '+':
          for (let i = 0; i < n; i++) out[i] = (a[i] as number) + (b[i] as number);
          break;
        case '-':
          for (let i = 0; i < n; i++) out[i] = (a[i] as number) - (b[i] as number);
          break;
        case '*':
          for (let i = 0; i < n; i++) out[i] = (a[i] as number) * (b[i] as number);
          break;
        case '/':
          // A division by zero is missing: the quotient is written, then NaN over it where the
          // divisor is 0 (choosing between them in one expression made the optimiser box each
          // quotient).
          for (let i = 0; i < n; i++) {
            const d = b[i] as number;
            out[i] = (a[i] as number) / d;
            if (d === 0) out[i] = NaN;
          }
          break;
      }
      return out;
    }
  }
}
