// A link inside a diagram answers only clicks on the node it wraps. Mermaid's `style` and `classDef` take
// any CSS, so a node can be given a transparent stroke thousands of pixels wide, or padding that covers
// the diagram, and catch clicks meant for other nodes; such a click is ignored, never followed.

/** Share of the diagram's area above which a link covers it (when the diagram has other nodes to hide). */
const COVERS = 0.5;

/** `at` is where the pointer clicked; a link activated from the keyboard has no point. */
export function diagramLinkAnswers(link: Element, at?: { x: number; y: number }): boolean {
  const svg = link.closest('svg');
  if (!svg) return true;
  // The link's own box leaves out strokes: a click outside it landed on a stroke styled wider than the node.
  const box = link.getBoundingClientRect();
  if (at && (at.x < box.left || at.x > box.right || at.y < box.top || at.y > box.bottom)) return false;
  const frame = svg.getBoundingClientRect();
  const others = svg.querySelectorAll('.node').length - link.querySelectorAll('.node').length;
  return others === 0 || box.width * box.height <= COVERS * frame.width * frame.height;
}
