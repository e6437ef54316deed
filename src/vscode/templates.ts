// Builds a new design document for a framework, as a snippet body (tab stops) or as plain Markdown.
import type { FrameworkDef, PhaseDef } from '../core/types';
import { parseSnippet } from './snippetSyntax';

/** Escapes text so a snippet inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Ids safe for YAML without quotes; others are quoted. */
function yamlScalar(id: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id) ? id : JSON.stringify(id);
}

function phaseBody(phase: PhaseDef): string | undefined {
  const body = phase.template?.replace(/\r\n?/g, '\n').trim();
  return body ? body : undefined;
}

/** Snippet body lines: front matter naming the framework, a title tab stop, one section per phase. */
export function frameworkSnippetLines(framework: FrameworkDef): string[] {
  const lines = ['---', `sysdesign: ${escapeSnippet(yamlScalar(framework.id))}`, '---', '', '# ${1:System name}', ''];
  let stop = 2;
  for (const phase of framework.phases) {
    lines.push(`## ${escapeSnippet(phase.title)}`, '');
    const body = phaseBody(phase);
    if (body) {
      // The first line of each skeleton is a tab stop, so Tab walks the document section by section.
      const [first, ...rest] = body.split('\n');
      lines.push(`\${${stop++}:${escapeSnippet(first)}}`, ...rest.map(escapeSnippet));
    } else {
      lines.push(`\${${stop++}:${escapeSnippet(phase.description ?? `Write the ${phase.title.toLowerCase()} here.`)}}`);
    }
    lines.push('');
  }
  lines.push('$0');
  return lines;
}

/** The same document without snippet syntax, for places that insert plain text. */
export function frameworkMarkdown(framework: FrameworkDef, title = 'System name'): string {
  const body = frameworkSnippetLines(framework).join('\n').replace('${1:System name}', `\${1:${escapeSnippet(title)}}`);
  return parseSnippet(body).text;
}
