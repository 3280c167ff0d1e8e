/** Minimal flag parsing for the headless commands: --name value pairs and positionals. */
export interface ParsedArgs {
  /** The last value of each flag. */
  flags: Map<string, string>;
  /** Every value of each flag, in order (for flags that may repeat, e.g. --year). */
  all: Map<string, string[]>;
  switches: Set<string>;
  positionals: string[];
}

export function parseArgs(
  argv: readonly string[],
  valueFlags: readonly string[],
  /** Flags without a value; any other --flag is an error, not silently ignored. */
  switchFlags: readonly string[] = ['help'],
): ParsedArgs {
  const flags = new Map<string, string>();
  const all = new Map<string, string[]>();
  const switches = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (valueFlags.includes(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, v);
        all.set(name, [...(all.get(name) ?? []), v]);
      } else if (switchFlags.includes(name)) switches.add(name);
      else throw new UsageError(`unknown option --${name}`);
    } else positionals.push(a);
  }
  return { flags, all, switches, positionals };
}

export class UsageError extends Error {}
