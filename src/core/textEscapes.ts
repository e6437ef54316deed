// Writing text safely into the two languages a design document is made of: Markdown and its YAML front matter.

const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!<>|~$]/g;

/** Text shown as itself in Markdown (tooltips, hovers): every character Markdown could read as markup is escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIALS, '\\$&');
}

/** Plain scalars YAML would read as something other than a string. */
const YAML_SPECIAL = /^(?:y|yes|n|no|true|false|on|off|null|~|[-+]?[\d.]+(?:e[-+]?\d+)?)$/i;

/** A plain YAML scalar when that reads back as the same string, else a double-quoted one (JSON strings are YAML). */
export function yamlScalar(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 _,.()'/&+-]*$/.test(text) && !/\s$/.test(text) && !YAML_SPECIAL.test(text) ? text : JSON.stringify(text);
}
