// `npm run probe`: an independent check for false alarms, on Markdown nobody labelled. The docs that ship
// inside node_modules (pinned by package-lock.json), the VS Code server's dependencies and the
// machine's /usr/share/doc (Node's API reference and changelogs, when present) are guides, API pages,
// changelogs and benchmark notes, never design documents: every design-document verdict on them is
// false, and so is every warning or error about their numbers when the engine is forced onto them
// (as "Treat as Design Document" does).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { analyze } from '../src/core/analyze';
import { parseDocument } from '../src/core/parse';
import { designByOutline, neverDesignByName, OUTLINE_MAX_CHARS } from '../src/core/sections/genre';

const MAX_FILES = 6000;
const ROOTS = ['node_modules', '.vscode-test/server/node_modules', '/usr/share/doc'].filter((root) => existsSync(root));
const files = execFileSync('find', [...ROOTS, '-name', '*.md', '-size', '+500c'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  .trim()
  .split('\n')
  .filter(Boolean)
  .sort()
  .slice(0, MAX_FILES);

let read = 0;
let outlineTaken = 0;
const alarms: string[] = [];
const taken: string[] = [];
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  if (text.length > OUTLINE_MAX_CHARS) continue;
  read++;
  if (!neverDesignByName(file) && designByOutline(parseDocument(text), file).designDoc) {
    outlineTaken++;
    taken.push(file);
  }
  const lines = text.split('\n');
  const forced = analyze(`---\ntype: system-design\n---\n${text}`, { path: file });
  for (const f of forced.findings) {
    if (!f.code.startsWith('SE') || (f.severity !== 'warning' && f.severity !== 'error')) continue;
    const line = f.range.start.line - 3;
    alarms.push(`${f.code} ${f.severity} ${file}:${line + 1}: ${(lines[line] ?? '').trim().slice(0, 100)} — ${f.message.slice(0, 100)}`);
  }
}
console.log(`Markdown files read: ${read} (under ${ROOTS.join(', ')})`);
console.log(`taken for design documents by their outline: ${outlineTaken}`);
for (const file of taken) console.log(`  ${file}`);
console.log(`warnings or errors about numbers, analysis forced: ${alarms.length}`);
for (const alarm of alarms) console.log(`  ${alarm}`);
