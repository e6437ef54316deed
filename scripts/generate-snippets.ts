// Regenerates snippets/templates.code-snippets from the built-in frameworks: `npm run snippets`.
import { writeFileSync } from 'node:fs';
import { TEMPLATE_SNIPPETS_FILE, templateSnippetsText } from '../src/vscode/templateSnippets';

writeFileSync(TEMPLATE_SNIPPETS_FILE, templateSnippetsText());
process.stdout.write(`wrote ${TEMPLATE_SNIPPETS_FILE}\n`);
