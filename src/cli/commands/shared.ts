// Small helpers several commands share: picking a framework by id and reading one document.
import type { FrameworkRegistry } from '../../core/frameworks/registry';
import type { LoadedFramework } from '../../core/types';
import { UsageError } from '../exit';

export function requireFramework(registry: FrameworkRegistry, id: string, usage: string): LoadedFramework {
  const framework = registry.get(id);
  if (framework) return framework;
  const known = registry.list().map((f) => f.id);
  throw new UsageError(`unknown framework "${id}" (known: ${known.join(', ')})`, usage);
}

/** Exactly one file argument, for commands that work on a single document. */
export function singleFile(positionals: string[], usage: string): string {
  if (positionals.length === 0) throw new UsageError('missing <file>', usage);
  if (positionals.length > 1) throw new UsageError(`expected one file, got ${positionals.length}`, usage);
  return positionals[0];
}
