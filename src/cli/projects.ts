// The project each checked file belongs to: the nearest .sysdesign/config.jsonc above it (or the one given
// with --config), resolved by the core exactly as the editor resolves it, and that project's team frameworks.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { AnalyzeInput } from '../core/analyze';
import type { ConfigProblem, ResolvedConfig } from '../core/config/designConfig';
import { findProjectConfig, readConfigAt, resolveConfigFile, type ConfigFs, type FoundConfig } from '../core/config/findConfig';
import type { FrameworkRegistry } from '../core/frameworks/registry';
import type { FrameworkLoadError } from '../core/types';
import { displayPath } from './files';
import { toSlashes } from './glob';
import { findWorkspaceRoot, loadFrameworks } from './workspace';

export interface Project {
  /** Globs and the frameworks folder are relative to this directory. */
  root: string;
  /** The config file, as shown to the user, when there is one. */
  configPath?: string;
  resolved: ResolvedConfig;
  registry: FrameworkRegistry;
  frameworkErrors: FrameworkLoadError[];
}

export function nodeConfigFs(cwd: string): ConfigFs {
  return {
    async readText(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw error;
      }
    },
    parent: (dir) => (dirname(dir) === dir ? undefined : dirname(dir)),
    join: (dir, rel) => join(dir, rel),
    display: (path) => displayPath(cwd, path),
  };
}

export class Projects {
  private readonly byDir = new Map<string, Promise<Project>>();
  private readonly byConfig = new Map<string, Project>();
  private readonly fs: ConfigFs;

  /** `configFile`: --config, used for every file instead of looking for one. */
  constructor(
    private readonly cwd: string,
    private readonly configFile?: string,
  ) {
    this.fs = nodeConfigFs(cwd);
  }

  forFile(absolute: string): Promise<Project> {
    return this.forDir(dirname(absolute));
  }

  forDir(dir: string): Promise<Project> {
    let project = this.byDir.get(dir);
    if (!project) {
      project = this.find(dir).then((found) => this.projectOf(found));
      this.byDir.set(dir, project);
    }
    return project;
  }

  /** The path a file is matched against the project's globs with: relative to the project root. */
  globPath(project: Project, absolute: string): string {
    return toSlashes(relative(project.root, absolute));
  }

  /** Every project met so far, once each. */
  seen(): Project[] {
    return [...this.byConfig.values()];
  }

  private find(dir: string): Promise<FoundConfig | undefined> {
    if (this.configFile === undefined) return findProjectConfig(this.fs, dir);
    const path = resolve(this.cwd, this.configFile);
    // A file inside a `.sysdesign` folder belongs to the project above it; any other to the working directory.
    const root = basename(dirname(path)) === '.sysdesign' ? dirname(dirname(path)) : this.cwd;
    return readConfigAt(this.fs, path, root, true);
  }

  private projectOf(found: FoundConfig | undefined): Project {
    const key = found?.path ?? '';
    const known = this.byConfig.get(key);
    if (known) return known;
    const resolved = resolveConfigFile(found?.layer);
    const root = found?.root ?? findWorkspaceRoot(this.cwd) ?? this.cwd;
    const { registry, errors } = loadFrameworks(this.cwd, root, resolved.config.frameworksFolder);
    const project: Project = { root, ...(found ? { configPath: displayPath(this.cwd, found.path) } : {}), resolved, registry, frameworkErrors: errors };
    this.byConfig.set(key, project);
    return project;
  }
}

/** What analyze() takes from a project: its frameworks, default framework, rule settings and estimate conventions. */
export function analysisOptions(project: Project): Pick<AnalyzeInput, 'registry' | 'defaultFramework' | 'rules' | 'ruleOptions' | 'estimate'> {
  const { config } = project.resolved;
  return { registry: project.registry, defaultFramework: config.framework, rules: config.rules, ruleOptions: config.ruleOptions, estimate: config.estimates.settings };
}

/** `path:line:column: message`, the way the CLI prints a config problem. */
export function formatConfigProblem(problem: ConfigProblem): string {
  const at = problem.line ? `:${problem.line}${problem.column ? `:${problem.column}` : ''}` : '';
  return `${problem.source}${at}: ${problem.message}`;
}
