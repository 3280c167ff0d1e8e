/**
 * A big canonical CSV made from a real one: its rows repeated `copies` times, each copy's URNs
 * moved by a multiple of `urnStep` so no (URN, year) repeats. For the big-file benchmark and tests.
 */
export function repeatedCsv(
  text: string,
  copies: number,
  urnStep: number,
): { csv: string; rows: number } {
  const [head, ...body] = text.trimEnd().split('\n');
  const parts: string[] = [head ?? ''];
  for (let c = 0; c < copies; c++)
    for (const line of body) {
      const comma = line.indexOf(',');
      parts.push(`${Number(line.slice(0, comma)) + (c + 1) * urnStep}${line.slice(comma)}`);
    }
  return { csv: parts.join('\n'), rows: parts.length - 1 };
}
