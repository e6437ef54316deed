// SD005: the high-level design describes an architecture without drawing it.
import type { RuleDef, RuleFinding } from '../types';
import { appendToSectionEdit } from './util/edits';
import { mermaidSkeleton } from './util/skeleton';
import { needMet, sectionsOfKind } from './util/sections';

import { isDiagramBlock } from '../sections/content';

export { isDiagramBlock };

export const architectureWithoutDiagram: RuleDef = {
  code: 'SD005',
  slug: 'architecture-without-diagram',
  description: 'The high-level design has no diagram (Mermaid, PlantUML, Graphviz, an image or an ASCII drawing).',
  defaultSeverity: 'warning',
  check(ctx) {
    const findings: RuleFinding[] = [];
    // A diagram anywhere in the document draws the architecture, even when it sits in another section.
    if (ctx.doc.blocks.some(isDiagramBlock)) return findings;
    for (const { result, section } of sectionsOfKind(ctx, 'high-level-design')) {
      // Empty is SD002's job; the checklist's "Diagram drawn" check decides.
      if (result.status !== 'present' || needMet(result, 'diagram') !== false) continue;
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
