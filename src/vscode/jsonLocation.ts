// Finds where a JSON pointer (`/phases/2/kind`) sits in a JSON file's text, to underline the failing field.
// The ESM build: the package's UMD main uses dynamic requires that a bundler cannot follow.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser/lib/esm/main.js';
import type { Range } from '../core/types';

/** Decodes RFC 6901 segments; numeric segments index arrays. */
export function pointerSegments(pointer: string): Array<string | number> {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * Range of the value at `pointer`; falls back to the nearest existing parent (a missing property is
 * reported on the object that should hold it), then to the first line.
 */
export function locatePointer(text: string, pointer: string): Range {
  const root = parseTree(text);
  let node: Node | undefined;
  if (root) {
    const path = pointerSegments(pointer);
    for (let length = path.length; length >= 0 && !node; length--) {
      node = findNodeAtLocation(root, path.slice(0, length));
    }
    // A property's value: underline the key too so the squiggle lands on the field name.
    if (node?.parent?.type === 'property' && node.parent.children?.[1] === node) node = node.parent;
  }
  if (!node) return { start: { line: 0, character: 0 }, end: { line: 0, character: lineEndOffset(text, 0) } };
  const start = positionAt(text, node.offset);
  // Objects and arrays span many lines: underline only their first line.
  const endOffset = node.type === 'object' || node.type === 'array' ? lineEndOffset(text, node.offset) : node.offset + node.length;
  return { start, end: positionAt(text, Math.max(node.offset, endOffset)) };
}

function lineEndOffset(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: Math.min(offset, text.length) - lineStart };
}

/** Where a framework load error belongs: its JSON pointer, or the line/column a JSON syntax error names. */
export function locateLoadError(text: string, error: { field: string; message: string }): Range {
  const syntax = error.field === '' ? /at line (\d+), column (\d+)/.exec(error.message) : null;
  if (!syntax) return locatePointer(text, error.field);
  const line = Math.max(0, Number(syntax[1]) - 1);
  const character = Math.max(0, Number(syntax[2]) - 1);
  const length = text.split(/\r?\n/)[line]?.length ?? character;
  return { start: { line, character: Math.min(character, length) }, end: { line, character: Math.max(Math.min(character, length), length) } };
}
