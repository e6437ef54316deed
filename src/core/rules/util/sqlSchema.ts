// Reads the tables, keys and indexes a document declares in its SQL fences, with document positions.
import type { Block, ParsedDocument, Position, Range } from '../../types';
import { nestedFences } from './nestedFences';
import { codeOffsetMapper } from './ranges';
import { tokenizeSql, type SqlToken } from './sqlTokens';
import { MEMO_LIMITS, ObjectMemo } from '../../objectMemo';

export interface SqlName {
  /** Unquoted, lower-cased, for comparisons. */
  key: string;
  /** As written, quotes included, for generated SQL. */
  text: string;
  range: Range;
}

export interface SqlForeignKey {
  /** Table holding the key, as named in its CREATE TABLE or ALTER TABLE. */
  table: SqlName;
  /** The leading column: what an index must start with. */
  column: SqlName;
  /** Every column of the key, in order (one for a single-column key). */
  columns: SqlName[];
  references?: string;
  /** After the declaring statement's `;`, where a CREATE INDEX can follow. */
  statementEnd: Position;
}

export interface SqlTable {
  name: SqlName;
  block: Block;
  columns: SqlName[];
  /** Declared inside the CREATE TABLE statement (ALTER TABLE additions are in SqlSchema). */
  primaryKey: boolean;
  /** Column definitions and constraints between the parentheses, in order. */
  defs: Range[];
  openParen: Position;
  closeParen: Position;
  /** After the statement's `;` (or its last token). */
  statementEnd: Position;
}

export interface SqlSchema {
  tables: SqlTable[];
  /** Foreign keys from CREATE TABLE and ALTER TABLE ... ADD, in document order. */
  foreignKeys: SqlForeignKey[];
  /** Leading columns of every key and index, per table key — wherever in the document they are declared. */
  indexLeads: Map<string, Set<string>>;
  /** Tables given a primary key by ALTER TABLE. */
  primaryKeysAdded: Set<string>;
}

const SQL_LANGS = new Set(['sql', 'mysql', 'postgresql', 'postgres', 'pgsql', 'plpgsql', 'psql', 'sqlite', 'tsql', 'plsql', 'mariadb', 'ddl']);
const CREATE_TABLE = /\bcreate\s+(?:temp\w*\s+|unlogged\s+|or\s+replace\s+)?table\b/i;

/** Code blocks that hold SQL: labelled SQL fences and unlabelled fences containing CREATE TABLE. */
export function sqlBlocks(doc: ParsedDocument): Block[] {
  const out: Block[] = [];
  const add = (block: Block) => {
    if (block.kind === 'code' && (SQL_LANGS.has(block.lang ?? '') || (!block.lang && CREATE_TABLE.test(block.text)))) out.push(block);
  };
  doc.blocks.forEach(add);
  nestedFences(doc).forEach(add);
  return out;
}

const cache = new ObjectMemo<ParsedDocument, SqlSchema>(MEMO_LIMITS.docs);

/**
 * What each SQL block declares. A block only adds to the schema, and an unchanged chunk keeps its
 * block objects between parses, so a keystroke re-reads only the SQL it touched. Read-only.
 */
const perBlock = new ObjectMemo<Block, SqlSchema>(MEMO_LIMITS.blocks);

function emptySchema(): SqlSchema {
  return { tables: [], foreignKeys: [], indexLeads: new Map(), primaryKeysAdded: new Set() };
}

export function readSqlSchema(doc: ParsedDocument): SqlSchema {
  const cached = cache.get(doc);
  if (cached) return cached;
  const schema = emptySchema();
  for (const block of sqlBlocks(doc)) {
    let part = perBlock.get(block);
    if (!part) {
      part = emptySchema();
      new BlockReader(doc, block, part).read();
      perBlock.set(block, part);
    }
    schema.tables.push(...part.tables);
    schema.foreignKeys.push(...part.foreignKeys);
    for (const [table, columns] of part.indexLeads) {
      let leads = schema.indexLeads.get(table);
      if (!leads) schema.indexLeads.set(table, (leads = new Set()));
      for (const column of columns) leads.add(column);
    }
    for (const table of part.primaryKeysAdded) schema.primaryKeysAdded.add(table);
  }
  cache.set(doc, schema);
  return schema;
}

export function isIndexedLead(schema: SqlSchema, table: string, column: string): boolean {
  return schema.indexLeads.get(table)?.has(column) ?? false;
}

export function hasPrimaryKey(schema: SqlSchema, table: SqlTable): boolean {
  return table.primaryKey || schema.primaryKeysAdded.has(table.name.key);
}

const isName = (t: SqlToken | undefined): t is SqlToken => !!t && (t.kind === 'word' || t.kind === 'quoted');
// One value or a constant list, not rest parameters: these run per token and a rest array is an allocation.
const isWord = (t: SqlToken | undefined, value: string) => !!t && t.kind === 'word' && t.value === value;
const isWordIn = (t: SqlToken | undefined, values: readonly string[]) => !!t && t.kind === 'word' && values.includes(t.value);
const CONSTRAINT_KINDS = ['primary', 'foreign', 'unique', 'check'];
const UNIQUE_INDEX = ['unique', 'fulltext', 'spatial'];
const INDEX_KEY = ['index', 'key'];
const SKIPPED_DEFS = ['check', 'exclude', 'like', 'period'];
/** A name's comparison key; a word's value is lower-cased already. */
const keyOf = (t: SqlToken) => (t.kind === 'word' ? t.value : t.value.toLowerCase());
const isPunct = (t: SqlToken | undefined, ch: string) => !!t && t.kind === 'punct' && t.value === ch;

/** Index of the `)` matching the `(` at `open`, or the last index when unbalanced. */
function matching(tokens: SqlToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isPunct(tokens[i], '(')) depth++;
    else if (isPunct(tokens[i], ')') && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Splits tokens at top-level commas. */
function splitCommas(tokens: SqlToken[]): SqlToken[][] {
  const parts: SqlToken[][] = [];
  let current: SqlToken[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth = Math.max(0, depth - 1);
    if (depth === 0 && isPunct(t, ',')) {
      parts.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

interface Owner {
  name: SqlName;
  statementEnd: Position;
  table?: SqlTable;
}

class BlockReader {
  private readonly at: (offset: number) => Position;

  constructor(
    doc: ParsedDocument,
    private readonly block: Block,
    private readonly schema: SqlSchema,
  ) {
    this.at = codeOffsetMapper(doc, block);
  }

  read(): void {
    const tokens = tokenizeSql(this.block.text);
    let start = 0;
    let depth = 0;
    for (let i = 0; i <= tokens.length; i++) {
      const t = tokens[i];
      if (t && isPunct(t, '(')) depth++;
      else if (t && isPunct(t, ')')) depth = Math.max(0, depth - 1);
      if (!t || (depth === 0 && isPunct(t, ';'))) {
        if (i > start) this.statement(tokens.slice(start, i), t ?? tokens[i - 1]);
        start = i + 1;
      }
    }
  }

  private range(first: SqlToken, last: SqlToken = first): Range {
    return { start: this.at(first.start), end: this.at(last.end) };
  }

  private nameAt(tokens: SqlToken[], k: number): { name: SqlName; next: number } | undefined {
    if (!isName(tokens[k])) return undefined;
    let last = k;
    while (isPunct(tokens[last + 1], '.') && isName(tokens[last + 2])) last += 2;
    let text = tokens[k].text;
    for (let i = k + 1; i <= last; i++) text += tokens[i].text;
    const name: SqlName = {
      key: keyOf(tokens[last]),
      text,
      range: this.range(tokens[k], tokens[last]),
    };
    return { name, next: last + 1 };
  }

  private statement(s: SqlToken[], end: SqlToken): void {
    if (isWord(s[0], 'create')) {
      for (let k = 1; k < Math.min(s.length, 8); k++) {
        if (isWord(s[k], 'table')) return this.createTable(s, k + 1, end);
        if (isWord(s[k], 'index')) return this.createIndex(s, k + 1);
        if (s[k].kind !== 'word') return;
      }
    } else if (isWord(s[0], 'alter') && isWord(s[1], 'table')) {
      this.alterTable(s, end);
    }
  }

  private skipIfExists(s: SqlToken[], k: number): number {
    if (isWord(s[k], 'if') && isWord(s[k + 1], 'not') && isWord(s[k + 2], 'exists')) return k + 3;
    if (isWord(s[k], 'if') && isWord(s[k + 1], 'exists')) return k + 2;
    return k;
  }

  private createTable(s: SqlToken[], k: number, end: SqlToken): void {
    const named = this.nameAt(s, this.skipIfExists(s, k));
    if (!named || !isPunct(s[named.next], '(')) return; // CREATE TABLE ... AS SELECT has no column list to check
    const open = named.next;
    const close = matching(s, open);
    const table: SqlTable = {
      name: named.name,
      block: this.block,
      columns: [],
      primaryKey: false,
      defs: [],
      openParen: this.at(s[open].start),
      closeParen: this.at(s[close].start),
      statementEnd: this.at(end.end),
    };
    for (const def of splitCommas(s.slice(open + 1, close))) {
      if (def.length === 0) continue;
      table.defs.push(this.range(def[0], def[def.length - 1]));
      this.definition({ name: table.name, statementEnd: table.statementEnd, table }, def);
    }
    this.schema.tables.push(table);
  }

  /** One column definition or table constraint; `owner.table` is absent for ALTER TABLE ... ADD. */
  private definition(owner: Owner, def: SqlToken[]): void {
    const { table } = owner;
    const tableKey = owner.name.key;
    let k = 0;
    if (isWord(def[0], 'constraint')) k = isName(def[1]) && !isWordIn(def[1], CONSTRAINT_KINDS) ? 2 : 1;
    const head = def[k];
    if (!head) return;

    if (isWord(head, 'primary') && isWord(def[k + 1], 'key')) {
      const cols = this.columnList(def, k + 2);
      if (table) table.primaryKey = true;
      else this.schema.primaryKeysAdded.add(tableKey);
      this.lead(tableKey, cols[0]);
      return;
    }
    if (isWord(head, 'foreign') && isWord(def[k + 1], 'key')) {
      const open = def.findIndex((t, i) => i > k && isPunct(t, '('));
      const cols = this.columnList(def, open);
      const ref = def.findIndex((t, i) => i > open && isWord(t, 'references'));
      const references = ref >= 0 ? this.nameAt(def, ref + 1)?.name.key : undefined;
      // A composite key is served by an index that leads with its first column (joins match on all of them).
      if (cols[0] && cols.every(Boolean)) this.foreignKey(owner, cols[0], references, cols as SqlName[]);
      return;
    }
    if (isWordIn(head, UNIQUE_INDEX) || (isWordIn(head, INDEX_KEY) && this.isIndexDef(def, k))) {
      this.lead(tableKey, this.columnList(def, def.findIndex((t, i) => i > k && isPunct(t, '(')))[0]);
      return;
    }
    if (isWordIn(head, SKIPPED_DEFS)) return;
    if (!isName(head)) return;

    // A column definition, possibly with inline constraints.
    const column = this.nameAt(def, k)?.name;
    if (!column) return;
    if (table) table.columns.push(column);
    let depth = 0;
    for (let i = k + 1; i < def.length; i++) {
      const t = def[i];
      if (isPunct(t, '(')) depth++;
      else if (isPunct(t, ')')) depth = Math.max(0, depth - 1);
      if (depth > 0) continue;
      if (isWord(t, 'primary') && isWord(def[i + 1], 'key')) {
        if (table) table.primaryKey = true;
        else this.schema.primaryKeysAdded.add(tableKey);
        this.lead(tableKey, column);
      } else if (isWord(t, 'unique')) {
        this.lead(tableKey, column);
      } else if (isWord(t, 'references')) {
        this.foreignKey(owner, column, this.nameAt(def, i + 1)?.name.key);
      }
    }
  }

  /** `KEY idx (col)` / `INDEX (col)` rather than a column named key (`key VARCHAR(255)`). */
  private isIndexDef(def: SqlToken[], k: number): boolean {
    if (isPunct(def[k + 1], '(')) return true;
    if (isName(def[k + 1]) && isPunct(def[k + 2], '(')) return def[k + 3]?.kind !== 'number';
    return false;
  }

  /** Columns of a parenthesised list at `open`; expressions such as lower(email) give undefined. */
  private columnList(def: SqlToken[], open: number): Array<SqlName | undefined> {
    if (open < 0 || !isPunct(def[open], '(')) return [];
    const close = matching(def, open);
    return splitCommas(def.slice(open + 1, close)).map((part) => {
      if (!isName(part[0]) || isPunct(part[1], '(')) return undefined;
      return { key: keyOf(part[0]), text: part[0].text, range: this.range(part[0]) };
    });
  }

  private foreignKey(owner: Owner, column: SqlName, references: string | undefined, columns: SqlName[] = [column]): void {
    this.schema.foreignKeys.push({ table: owner.name, column, columns, references, statementEnd: owner.statementEnd });
  }

  private lead(tableKey: string, column: SqlName | undefined): void {
    if (!column) return;
    let set = this.schema.indexLeads.get(tableKey);
    if (!set) this.schema.indexLeads.set(tableKey, (set = new Set()));
    set.add(column.key);
  }

  private createIndex(s: SqlToken[], k: number): void {
    const on = s.findIndex((t, i) => i >= k && isWord(t, 'on'));
    if (on < 0) return;
    let n = on + 1;
    if (isWord(s[n], 'only')) n++;
    const named = this.nameAt(s, n);
    if (!named) return;
    const open = s.findIndex((t, i) => i >= named.next && isPunct(t, '('));
    this.lead(named.name.key, this.columnList(s, open)[0]);
  }

  private alterTable(s: SqlToken[], end: SqlToken): void {
    let k = this.skipIfExists(s, 2);
    if (isWord(s[k], 'only')) k++;
    const named = this.nameAt(s, k);
    if (!named) return;
    for (const part of splitCommas(s.slice(named.next))) {
      if (!isWord(part[0], 'add')) continue;
      let from = 1;
      if (isWord(part[1], 'column')) from = 2;
      this.definition({ name: named.name, statementEnd: this.at(end.end) }, part.slice(from));
    }
  }
}
