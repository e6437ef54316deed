// SD007: a foreign key column that no index leads with, so joins and cascades scan the table.
import type { ParsedDocument, Position, RuleDef, RuleFinding, TextEdit } from '../types';
import { eol, position } from './util/ranges';
import { isIndexedLead, readSqlSchema, type SqlForeignKey } from './util/sqlSchema';

function indexName(fk: SqlForeignKey): string {
  return `idx_${fk.table.key}_${fk.columns.map((c) => c.key).join('_')}`.replace(/[^\p{L}\p{N}_]+/gu, '_');
}

function columnList(fk: SqlForeignKey): string {
  return fk.columns.map((c) => c.text).join(', ');
}

/** After the statement, moving to the line end when only a comment or spaces follow the `;`. */
function insertionPoint(doc: ParsedDocument, end: Position): Position {
  const line = doc.lines[end.line] ?? '';
  const rest = line.slice(end.character).trim();
  return rest === '' || rest.startsWith('--') ? position(end.line, line.length) : end;
}

function indexEdit(doc: ParsedDocument, fk: SqlForeignKey): TextEdit {
  const at = insertionPoint(doc, fk.statementEnd);
  const statement = `CREATE INDEX ${indexName(fk)} ON ${fk.table.text} (${columnList(fk)});`;
  // Same indentation as the statement's last line, so a fence nested in a list item stays intact.
  const indent = /^[ \t]*/.exec(doc.lines[at.line] ?? '')?.[0] ?? '';
  return { range: { start: at, end: at }, newText: eol(doc) + indent + statement };
}

export const foreignKeyWithoutIndex: RuleDef = {
  code: 'SD007',
  slug: 'foreign-key-without-index',
  description: 'A foreign key column is not the leading column of any index.',
  defaultSeverity: 'warning',
  check(ctx) {
    const schema = readSqlSchema(ctx.doc);
    const findings: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const fk of schema.foreignKeys) {
      const id = `${fk.table.key}.${fk.column.key}`;
      if (seen.has(id) || isIndexedLead(schema, fk.table.key, fk.column.key)) continue;
      seen.add(id);
      const target = fk.references ? ` (references ${fk.references})` : '';
      findings.push({
        message:
          `Foreign key ${fk.table.text}.${fk.columns.length > 1 ? `(${columnList(fk)})` : fk.column.text}${target} has no index that starts with it, so joins and ` +
          `deletes on the parent scan ${fk.table.text}. Add an index on (${columnList(fk)}).`,
        range: fk.column.range,
        fix: { title: `Add index on ${fk.table.text} (${columnList(fk)})`, edits: [indexEdit(ctx.doc, fk)] },
      });
    }
    return findings;
  },
};
