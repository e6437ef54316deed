// Finds and reads the project's config file through a file system the caller provides (Node's in the
// CLI, workspace.fs in the editor), so the core itself never touches one.
import { CONFIG_FILE, readConfigFile, type ConfigFileLayer } from './configFile';
import { resolveDesignConfig, type ResolvedConfig } from './designConfig';

export interface ConfigFs {
  /** The file's text, or undefined when it does not exist; rejects on other read errors. */
  readText(path: string): Promise<string | undefined>;
  /** The directory above, or undefined at the root. */
  parent(dir: string): string | undefined;
  join(dir: string, relative: string): string;
  /** How the file is named in reports (relative to where the user stands). */
  display(path: string): string;
}

export interface FoundConfig {
  /** The directory holding `.sysdesign/config.jsonc`: the project root. */
  root: string;
  path: string;
  layer: ConfigFileLayer;
}

/** The nearest config file in `dir` or above it, up to and including `stopAt` (when given). */
export async function findProjectConfig(fs: ConfigFs, dir: string, stopAt?: string): Promise<FoundConfig | undefined> {
  for (let current: string | undefined = dir; current !== undefined; current = current === stopAt ? undefined : fs.parent(current)) {
    const found = await readProjectConfig(fs, current);
    if (found) return found;
  }
  return undefined;
}

/** The config file of the project rooted at `root`, if it has one. A file that cannot be read is reported, not thrown. */
export async function readProjectConfig(fs: ConfigFs, root: string): Promise<FoundConfig | undefined> {
  return readConfigAt(fs, fs.join(root, CONFIG_FILE), root, false);
}

/**
 * The config file at `path`, for the project rooted at `root`. A file that cannot be read is reported, not
 * thrown; a missing one is undefined, or reported when the user named it (`required`).
 */
export async function readConfigAt(fs: ConfigFs, path: string, root: string, required: boolean): Promise<FoundConfig | undefined> {
  const source = fs.display(path);
  const failed = (message: string): FoundConfig => ({ root, path, layer: { source, get: () => undefined, problems: [{ source, key: '', message }] } });
  let text: string | undefined;
  try {
    text = await fs.readText(path);
  } catch (error) {
    return failed(`cannot be read (${error instanceof Error ? error.message : String(error)}); defaults are used.`);
  }
  if (text === undefined) return required ? failed('does not exist; defaults are used.') : undefined;
  return { root, path, layer: readConfigFile(text, source) };
}

/** A config file resolved on its own: its values, and every problem of it (syntax, keys, then values). */
export function resolveConfigFile(layer: ConfigFileLayer | undefined): ResolvedConfig {
  const resolved = resolveDesignConfig(layer ? [layer] : []);
  resolved.problems.unshift(...(layer?.problems ?? []));
  return resolved;
}
