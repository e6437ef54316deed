// SD005: the high-level design describes an architecture without drawing it.
import type { Block, RuleDef, RuleFinding } from '../types';
import { appendToSectionEdit } from './util/edits';
import { mermaidSkeleton } from './util/skeleton';
import { phaseBlocks, sectionsOfKind } from './util/sections';

const DIAGRAM_LANGS = new Set(['mermaid', 'plantuml', 'puml', 'dot', 'graphviz', 'd2', 'ditaa', 'svgbob', 'nomnoml']);
// Fences an ASCII drawing usually sits in; code in a real language with `->` is not a diagram.
const PLAIN_LANGS = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'ascii', 'diagram', 'art', 'none']);
const ARROWS = ['-->', '->', '→', '<--', '<-', '←', '==>', '=>', '▶', '►', '↓', '↑', '─', '│', '+--'];

export function isDiagramBlock(block: Block): boolean {
  if (block.images && block.images.length > 0) return true;
  if (block.kind === 'html') return /<(?:img|svg|picture|object)\b/i.test(block.text);
  if (block.kind !== 'code') return false;
  const lang = block.lang ?? '';
  if (DIAGRAM_LANGS.has(lang)) return true;
  return PLAIN_LANGS.has(lang) && ARROWS.some((arrow) => block.text.includes(arrow));
}

export const architectureWithoutDiagram: RuleDef = {
  code: 'SD005',
  slug: 'architecture-without-diagram',
  description: 'The high-level design has no diagram (Mermaid, PlantUML, Graphviz, an image or an ASCII drawing).',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const { result, section } of sectionsOfKind(ctx, 'high-level-design')) {
      if (result.status !== 'present') continue; // empty is SD002's job
      if (phaseBlocks(ctx, result).some(isDiagramBlock)) continue;
      findings.push({
        message:
          `"${section.title}" has no diagram. Draw the request path (client, load balancer, services, ` +
          'cache, database) in a ```mermaid block or link an image.',
        range: section.headingRange,
        phaseId: result.phase.id,
        fix: { title: 'Insert a Mermaid flowchart', edits: [appendToSectionEdit(ctx.doc, section, mermaidSkeleton())] },
      });
    }
    return findings;
  },
};
