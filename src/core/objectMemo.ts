// Results derived from a parsed block or document, remembered by the object they came from.
//
// Not a WeakMap: V8's young-generation collector keeps alive every entry of an old WeakMap whose key
// is young, so memos of short-lived blocks and documents made each scavenge copy megabytes of dead
// results (a quarter of a 10 KB first open's CPU time went to that). Plain maps, bounded by entry count instead:
// past `limit` entries the current map becomes the previous one, so what the last runs used stays.

/** Entries kept per memo: blocks of the largest documents, a few documents, formatted values. */
export const MEMO_LIMITS = { blocks: 50_000, docs: 8, values: 4096 } as const;

const all: Array<ObjectMemo<object, unknown>> = [];

export class ObjectMemo<K extends object, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly limit: number) {
    all.push(this as ObjectMemo<object, unknown>);
  }

  get(key: K): V | undefined {
    const found = this.current.get(key);
    if (found !== undefined || this.previous.size === 0) return found;
    const kept = this.previous.get(key);
    if (kept !== undefined) this.set(key, kept);
    return kept;
  }

  set(key: K, value: V): void {
    if (this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  /** New maps rather than clear(): a cleared map that has grown old still holds its entries for the collector. */
  clear(): void {
    this.current = new Map();
    this.previous = new Map();
  }
}

/** Forgets every object memo (for first-analysis measurements). */
export function clearObjectMemos(): void {
  for (const memo of all) memo.clear();
}
