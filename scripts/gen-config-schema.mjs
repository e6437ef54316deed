// Writes schemas/config.schema.json, the schema of .sysdesign/config.jsonc, from the `systemDesign.*`
// settings in package.json: one definition of each key for VS Code settings and the config file.
// Run: node scripts/gen-config-schema.mjs   (test/unit/configFile.test.ts fails when the file is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Settings a project shares with CI; the rest (codeLens, maxDocumentSizeMB) are the editor's own. */
const SHARED = ['files', 'ignore', 'recognizeByOutline', 'framework', 'frameworksFolder', 'rules'];
const EDITOR_ONLY = ['estimates.codeLens'];

export function configSchema() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const sections = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
  const settings = Object.assign({}, ...sections.map((s) => s.properties));
  const property = (key) => {
    const { scope: _scope, order: _order, ...rest } = settings[`systemDesign.${key}`];
    return rest;
  };
  const estimates = Object.keys(settings)
    .filter((k) => k.startsWith('systemDesign.estimates.'))
    .map((k) => k.slice('systemDesign.'.length))
    .filter((k) => !EDITOR_ONLY.includes(k));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://system-design-docs/schemas/config.schema.json',
    title: 'System Design Docs project configuration (.sysdesign/config.jsonc)',
    description:
      'Read by the editor and by `sysdesign check` alike. A key set here wins over the systemDesign.* setting of the same name; keys left out come from VS Code settings (in the editor), then the defaults. Generated from package.json by scripts/gen-config-schema.mjs.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      ...Object.fromEntries(SHARED.map((key) => [key, property(key)])),
      estimates: {
        type: 'object',
        markdownDescription: 'Estimate conventions, as the `systemDesign.estimates.*` settings.',
        additionalProperties: false,
        properties: Object.fromEntries(estimates.map((key) => [key.slice('estimates.'.length), property(key)])),
      },
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(join(root, 'schemas', 'config.schema.json'), JSON.stringify(configSchema(), null, 2) + '\n');
}
