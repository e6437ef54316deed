// The text of a new design document (the core's one template builder) and the title a file name suggests.
import { designDocument } from '../core/designTemplate';
import { basename } from 'node:path';
import type { FrameworkDef } from '../core/types';

/** Front matter naming the framework, the title, then each phase: the editor's New Design Document, as plain text. */
export function newDocument(framework: FrameworkDef, title: string): string {
  return designDocument(framework, { title });
}

/** `chat-service.design.md` → `Chat Service`. */
export function titleFromFileName(path: string): string {
  const stem = basename(path).replace(/(\.design)?\.(md|markdown|mdx)$/i, '');
  const words = stem.split(/[-_\s.]+/).filter(Boolean);
  if (words.length === 0) return 'System Design';
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}

