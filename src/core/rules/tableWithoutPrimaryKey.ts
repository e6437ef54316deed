// SD006: a CREATE TABLE with no primary key, inline, as a table constraint, or added by ALTER TABLE.
import type { ParsedDocument, RuleDef, RuleFinding, TextEdit } from '../types';
import { eol } from './util/ranges';
import { hasPrimaryKey, readSqlSchema, type SqlTable } from './util/sqlSchema';

function indentBefore(doc: ParsedDocument, line: number, character: number): string {
  const before = (doc.lines[line] ?? '').slice(0, character);
  return before.trim() === '' ? before : '';
}

/** Adds `id BIGINT PRIMARY KEY` as the first column, or `PRIMARY KEY (id)` when an id column exists. */
function primaryKeyEdit(doc: ParsedDocument, table: SqlTable): { title: string; edit: TextEdit } {
  const nl = eol(doc);
  const hasId = table.columns.some((column) => column.key === 'id');
  if (!hasId) {
    const first = table.defs[0];
    if (!first) {
      const at = table.closeParen;
      return { title: 'Add an id primary key column', edit: { range: { start: at, end: at }, newText: 'id BIGINT PRIMARY KEY' } };
    }
    const at = first.start;
    const ownLine = at.line !== table.openParen.line;
    const newText = ownLine ? `id BIGINT PRIMARY KEY,${nl}${indentBefore(doc, at.line, at.character)}` : 'id BIGINT PRIMARY KEY, ';
    return { title: 'Add an id primary key column', edit: { range: { start: at, end: at }, newText } };
  }
  const last = table.defs[table.defs.length - 1];
  const at = last.end;
  const ownLine = last.start.line !== table.openParen.line;
  const newText = ownLine ? `,${nl}${indentBefore(doc, last.start.line, last.start.character)}PRIMARY KEY (id)` : ', PRIMARY KEY (id)';
  return { title: 'Make id the primary key', edit: { range: { start: at, end: at }, newText } };
}

export const tableWithoutPrimaryKey: RuleDef = {
  code: 'SD006',
  slug: 'table-without-primary-key',
  description: 'A CREATE TABLE declares no primary key.',
  defaultSeverity: 'error',
  check(ctx) {
    const schema = readSqlSchema(ctx.doc);
    const findings: RuleFinding[] = [];
    for (const table of schema.tables) {
      if (hasPrimaryKey(schema, table)) continue;
      const { title, edit } = primaryKeyEdit(ctx.doc, table);
      findings.push({
        message:
          `Table ${table.name.text} has no primary key. Declare one (inline \`PRIMARY KEY\` or a ` +
          '`PRIMARY KEY (a, b)` constraint) so rows can be addressed, replicated and sharded.',
        range: table.name.range,
        fix: { title, edits: [edit] },
      });
    }
    return findings;
  },
};
