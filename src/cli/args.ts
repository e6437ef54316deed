// Typed wrapper over node:util parseArgs: every parsing problem becomes a UsageError with the usage line.
import { parseArgs } from 'node:util';
import { UsageError } from './exit';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

type Values<S extends OptionSpecs> = {
  [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean;
};

export interface ParsedArgs<S extends OptionSpecs> {
  values: Values<S> & { help?: boolean };
  positionals: string[];
}

const HELP: OptionSpecs = { help: { type: 'boolean', short: 'h' } };

export function parseCommandArgs<S extends OptionSpecs>(argv: string[], options: S, usage: string): ParsedArgs<S> {
  try {
    const parsed = parseArgs({ args: argv, options: { ...HELP, ...options }, allowPositionals: true, strict: true });
    return parsed as unknown as ParsedArgs<S>;
  } catch (error) {
    throw new UsageError(describeParseError(error), usage);
  }
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Node's messages carry advice meant for script authors ("To specify a positional argument...").
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '([^']+)' argument missing/.exec(message);
  if (missing) return `option ${missing[1].replace(/^-\w, /, '').replace(/ <value>$/, '')} needs a value`;
  const ambiguous = /Option '([^']+)' argument is ambiguous/.exec(message);
  if (ambiguous) return `option ${ambiguous[1].replace(/^-\w, /, '')} got a value starting with "-"; write it as ${ambiguous[1].replace(/^-\w, /, '')}=<value>`;
  const wrongType = /Option '([^']+)' does not take an argument/.exec(message);
  if (wrongType) return `option ${wrongType[1].replace(/^-\w, /, '')} does not take a value`;
  return message.split('\n')[0];
}

/** Reads `--format` and checks it against the allowed set. */
export function formatOption<F extends string>(value: string | undefined, allowed: readonly F[], usage: string): F {
  if (value === undefined) return allowed[0];
  if ((allowed as readonly string[]).includes(value)) return value as F;
  throw new UsageError(`unknown format "${value}" (expected ${allowed.join(', ')})`, usage);
}

/** A count like --max-warnings: a whole number, 0 or more. */
export function countOption(name: string, value: string | undefined, usage: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${name} must be a whole number, 0 or more (got "${value}")`, usage);
  return Number(value.trim());
}
