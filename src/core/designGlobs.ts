// Paths treated as design documents without any front matter (the `files` setting's default).
export const DEFAULT_DESIGN_GLOBS: readonly string[] = [
  '**/*.design.md',
  '**/*.sysdesign.md',
  '**/design-docs/**/*.md',
  '**/system-design/**/*.md',
];
