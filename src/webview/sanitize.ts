// Every string of markup passes through DOMPurify before it reaches the DOM.
import DOMPurify from 'dompurify';

/**
 * DOMPurify parses markup in a document that shares the page's CSP, where a `<base href>` is reported as
 * a base-uri violation before it is removed. Renamed first, it parses as an unknown element and is dropped.
 */
function withoutBase(html: string): string {
  return html.replace(/<(\/?)base\b/gi, '<$1x-base');
}

/** Host-rendered blocks: plain HTML and MathML, our data-* attributes, no styles, forms or frames. */
export function sanitizeBlock(html: string): DocumentFragment {
  return DOMPurify.sanitize(withoutBase(html), {
    RETURN_DOM_FRAGMENT: true,
    // MathML is allowed: the host draws math with KaTeX (trust off); DOMPurify checks its namespaces.
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'audio', 'video', 'source', 'track', 'annotation-xml'],
    FORBID_ATTR: ['style', 'id', 'name'],
    ALLOW_UNKNOWN_PROTOCOLS: false,
  });
}

/** Mermaid output: SVG plus its scoped <style>; scripts, handlers and foreign HTML are stripped. */
export function sanitizeSvg(svg: string): string {
  return DOMPurify.sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true },
    ADD_TAGS: ['style'],
    FORBID_TAGS: ['foreignObject', 'script'],
  });
}

/** The phase bar also comes from the host; buttons are ours, so they are allowed here. */
export function sanitizePhaseBar(html: string): DocumentFragment {
  return DOMPurify.sanitize(withoutBase(html), {
    RETURN_DOM_FRAGMENT: true,
    ALLOWED_TAGS: ['nav', 'ul', 'li', 'span', 'button'],
    ALLOWED_ATTR: ['class', 'title', 'type', 'data-jump', 'aria-label'],
  });
}
