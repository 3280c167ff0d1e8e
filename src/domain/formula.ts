/**
 * Safe arithmetic formulas for derived indicators, e.g. "(capacity - pupils) / capacity * 100".
 * A hand-written recursive-descent parser: no eval, no Function, only + - * / ( ), numbers and
 * column names. Evaluation yields undefined when any input is missing or on division by zero,
 * so a derived value is missing rather than wrong.
 */
export type Formula =
  | { kind: 'num'; value: number }
  | { kind: 'col'; name: string }
  | { kind: 'neg'; arg: Formula }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Formula; right: Formula };

export class FormulaError extends Error {
  constructor(
    message: string,
    /** 0-based character offset in the source text. */
    readonly position: number,
  ) {
    super(message);
  }
}

type Token =
  | { t: 'num'; v: number; p: number }
  | { t: 'id'; v: string; p: number }
  | { t: 'op'; v: string; p: number };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new FormulaError(`bad number at position ${i + 1}`, i);
      out.push({ t: 'num', v: Number(m[0]), p: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i)) as RegExpExecArray;
      out.push({ t: 'id', v: m[0], p: i });
      i += m[0].length;
    } else if ('+-*/()'.includes(c)) {
      out.push({ t: 'op', v: c, p: i });
      i++;
    } else {
      throw new FormulaError(`unexpected character "${c}" at position ${i + 1}`, i);
    }
  }
  return out;
}

/** Parses a formula; throws FormulaError naming the position of the first problem. */
export function parseFormula(src: string): Formula {
  if (src.length > 500) throw new FormulaError('formula is longer than 500 characters', 500);
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const where = () => (peek()?.p ?? src.length) + 1;

  function expr(depth: number): Formula {
    if (depth > 50) throw new FormulaError('formula is nested too deeply', where() - 1);
    let left = term(depth);
    for (let tok = peek(); tok?.t === 'op' && (tok.v === '+' || tok.v === '-'); tok = peek()) {
      pos++;
      left = { kind: 'bin', op: tok.v, left, right: term(depth) };
    }
    return left;
  }
  function term(depth: number): Formula {
    let left = factor(depth);
    for (let tok = peek(); tok?.t === 'op' && (tok.v === '*' || tok.v === '/'); tok = peek()) {
      pos++;
      left = { kind: 'bin', op: tok.v, left, right: factor(depth) };
    }
    return left;
  }
  function factor(depth: number): Formula {
    const tok = peek();
    if (!tok) throw new FormulaError(`formula ends early at position ${where()}`, src.length);
    pos++;
    if (tok.t === 'num') return { kind: 'num', value: tok.v };
    if (tok.t === 'id') return { kind: 'col', name: tok.v };
    if (tok.v === '-') return { kind: 'neg', arg: factor(depth + 1) };
    if (tok.v === '(') {
      const inner = expr(depth + 1);
      const close = peek();
      if (close?.t !== 'op' || close.v !== ')')
        throw new FormulaError(`expected ")" at position ${where()}`, where() - 1);
      pos++;
      return inner;
    }
    throw new FormulaError(`unexpected "${tok.v}" at position ${tok.p + 1}`, tok.p);
  }

  const result = expr(0);
  const rest = peek();
  if (rest)
    throw new FormulaError(`unexpected "${String(rest.v)}" at position ${rest.p + 1}`, rest.p);
  return result;
}

/** Column names a formula reads, without duplicates. */
export function formulaColumns(f: Formula, into: Set<string> = new Set()): Set<string> {
  switch (f.kind) {
    case 'num':
      return into;
    case 'col':
      return into.add(f.name);
    case 'neg':
      return formulaColumns(f.arg, into);
    case 'bin':
      formulaColumns(f.left, into);
      return formulaColumns(f.right, into);
  }
}

/** Evaluates a formula; undefined when an input is missing or a division is by zero. */
export function evaluateFormula(
  f: Formula,
  lookup: (column: string) => number | undefined,
): number | undefined {
  switch (f.kind) {
    case 'num':
      return f.value;
    case 'col':
      return lookup(f.name);
    case 'neg': {
      const v = evaluateFormula(f.arg, lookup);
      return v === undefined ? undefined : -v;
    }
    case 'bin': {
      const a = evaluateFormula(f.left, lookup);
      if (a === undefined) return undefined;
      const b = evaluateFormula(f.right, lookup);
      if (b === undefined) return undefined;
      switch (f.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return b === 0 ? undefined : a / b;
      }
    }
  }
}
