// Applies a new list of rendered blocks to the page, touching only the blocks whose key changed.
import type { RenderedBlock } from '../core/render/renderDocument';
import { sanitizeBlock } from './sanitize';

export interface PatchResult {
  added: number;
  removed: number;
  kept: number;
}

/** Each block lives in a wrapper keyed by its content hash; unchanged wrappers keep their DOM (and diagrams). */
export function patchBlocks(root: HTMLElement, blocks: RenderedBlock[]): PatchResult {
  const existing = new Map<string, HTMLElement[]>();
  for (const child of Array.from(root.children) as HTMLElement[]) {
    const key = child.dataset.key ?? '';
    const list = existing.get(key);
    if (list) list.push(child);
    else existing.set(key, [child]);
  }
  let added = 0;
  let kept = 0;
  let cursor: ChildNode | null = root.firstChild;
  for (const block of blocks) {
    let wrapper = existing.get(block.key)?.shift();
    if (wrapper) kept++;
    else {
      wrapper = document.createElement('div');
      wrapper.className = 'sd-block';
      wrapper.dataset.key = block.key;
      wrapper.append(sanitizeBlock(block.html));
      added++;
    }
    if (wrapper === cursor) cursor = cursor.nextSibling;
    else root.insertBefore(wrapper, cursor);
  }
  let removed = 0;
  for (const list of existing.values()) {
    for (const stale of list) {
      stale.remove();
      removed++;
    }
  }
  return { added, removed, kept };
}
