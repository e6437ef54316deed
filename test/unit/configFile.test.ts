// The project config file: read with comments, every problem placed, one resolver for editor and CLI,
// and a schema generated from the settings so the two cannot drift.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { readConfigFile } from '../../src/core/config/configFile';
import { resolveDesignConfig, SHARED_KEYS, type ConfigLayer } from '../../src/core/config/designConfig';
import { findProjectConfig, type ConfigFs } from '../../src/core/config/findConfig';
import { DEFAULT_DESIGN_GLOBS } from '../../src/core/recognize';
import { DEFAULT_ESTIMATE_SETTINGS } from '../../src/core/types';

const root = resolve(__dirname, '../..');

function layer(source: string, values: Record<string, unknown>): ConfigLayer {
  return { source, get: (key) => values[key] };
}

describe('project config file', () => {
  it('reads JSON with comments and trailing commas, nested estimate keys included', () => {
    const file = readConfigFile('{\n  // team choices\n  "rules": { "SD001": "off", },\n  "estimates": { "peakFactor": 3 },\n  "files": ["docs/**/*.md"],\n}\n', '.sysdesign/config.jsonc');
    assert.deepEqual(file.problems, []);
    const { config, sources, problems } = resolveDesignConfig([file]);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules, { SD001: 'off' });
    assert.equal(config.estimates.settings.peakFactor, 3);
    assert.deepEqual(config.files, ['docs/**/*.md']);
    assert.equal(sources.rules, '.sysdesign/config.jsonc');
    assert.equal(sources['estimates.peakFactor'], '.sysdesign/config.jsonc');
    assert.equal(sources['estimates.daysPerYear'], 'default');
  });

  it('drops a file with a syntax error whole, saying where', () => {
    const file = readConfigFile('{\n  "rules": { "SD001": "off" }\n  "files": []\n}', 'c.jsonc');
    assert.equal(file.problems.length, 1);
    assert.deepEqual([file.problems[0].line, file.problems[0].column], [3, 3]);
    assert.match(file.problems[0].message, /comma is expected/);
    assert.deepEqual(resolveDesignConfig([file]).config.rules, {}, 'nothing of a broken file is used');
  });

  it('reports unknown and editor-only keys at their line, with a suggestion, and keeps the rest', () => {
    const file = readConfigFile('{\n  "rulez": {},\n  "maxDocumentSizeMB": 5,\n  "estimates": { "codeLens": false, "peakFactr": 2 },\n  "framework": "default"\n}', 'c.jsonc');
    const messages = file.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    assert.equal(messages.length, 4, messages.join('\n'));
    assert.match(messages[0], /^2:3 "rulez" is not a setting \(did you mean "rules"\?\)/);
    assert.match(messages[1], /^3:3 "maxDocumentSizeMB" is an editor setting/);
    assert.match(messages[2], /^4:18 "estimates.codeLens" is an editor setting/);
    assert.match(messages[3], /"estimates.peakFactr" is not a setting \(did you mean "estimates.peakFactor"\?\)/);
    assert.equal(resolveDesignConfig([file]).config.framework, 'default');
  });

  it('reports an invalid value at its key and uses the default for that key only', () => {
    const file = readConfigFile('{\n  "rules": { "SD001": "loud", "SD002": "off" },\n  "estimates": { "errorFactor": 0.5 },\n  "frameworksFolder": "../elsewhere"\n}', 'c.jsonc');
    const { config, problems } = resolveDesignConfig([file]);
    assert.deepEqual(config.rules, { SD002: 'off' });
    assert.equal(config.estimates.settings.errorFactor, DEFAULT_ESTIMATE_SETTINGS.errorFactor);
    assert.equal(config.frameworksFolder, '.sysdesign/frameworks');
    assert.deepEqual(problems.map((p) => [p.key, p.line]).sort(), [['estimates.errorFactor', 3], ['frameworksFolder', 4], ['rules', 2]]);
  });

  it('lets the file win over settings key by key, settings fill what it leaves out, defaults the rest', () => {
    const file = readConfigFile('{ "rules": { "SD005": "error" }, "estimates": { "approxTolerance": 0.3 } }', 'config');
    const settings = layer('VS Code settings', { rules: { SD009: 'off' }, 'estimates.approxTolerance': 0.2, 'estimates.daysPerMonth': 31, framework: 'default' });
    const { config, sources } = resolveDesignConfig([file, settings]);
    assert.deepEqual(config.rules, { SD005: 'error' }, 'the file\'s rules replace the setting\'s whole');
    assert.equal(config.estimates.settings.approxTolerance, 0.3);
    assert.equal(config.estimates.settings.daysPerMonth, 31);
    assert.equal(config.framework, 'default');
    assert.deepEqual([sources.rules, sources['estimates.daysPerMonth'], sources.framework, sources.files], ['config', 'VS Code settings', 'VS Code settings', 'default']);
  });

  it('has defaults equal to the settings\' defaults in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const settings = pkg.contributes.configuration.properties ?? pkg.contributes.configuration[0].properties;
    const { config } = resolveDesignConfig([]);
    assert.deepEqual(settings['systemDesign.files'].default, [...DEFAULT_DESIGN_GLOBS]);
    assert.deepEqual(config.files, settings['systemDesign.files'].default);
    assert.deepEqual(config.ignore, settings['systemDesign.ignore'].default);
    assert.equal(config.frameworksFolder, settings['systemDesign.frameworksFolder'].default);
    assert.equal(config.framework ?? 'auto', settings['systemDesign.framework'].default);
    assert.equal(config.recognizeByOutline, settings['systemDesign.recognizeByOutline'].default);
    assert.equal(config.maxDocumentSizeMB, settings['systemDesign.maxDocumentSizeMB'].default);
    for (const [key, value] of Object.entries(DEFAULT_ESTIMATE_SETTINGS)) assert.equal(settings[`systemDesign.estimates.${key}`].default, value, key);
  });

  it('finds the nearest config file walking up through the file system it is given', async () => {
    const files: Record<string, string> = { '/repo/.sysdesign/config.jsonc': '{ "framework": "default" }', '/repo/sub/.sysdesign/config.jsonc': '{ "framework": "adr" }' };
    const read: string[] = [];
    const fs: ConfigFs = {
      readText: async (path) => {
        read.push(path);
        return files[path];
      },
      parent: (dir) => (dir === '/' ? undefined : dir.slice(0, dir.lastIndexOf('/')) || '/'),
      join: (dir, rel) => `${dir === '/' ? '' : dir}/${rel}`,
      display: (path) => path,
    };
    assert.equal((await findProjectConfig(fs, '/repo/sub/deep'))?.root, '/repo/sub');
    assert.equal((await findProjectConfig(fs, '/repo/docs'))?.root, '/repo');
    assert.equal(await findProjectConfig(fs, '/other'), undefined);
    read.length = 0;
    assert.equal(await findProjectConfig(fs, '/repo/docs', '/repo/docs'), undefined, 'stops at the given folder');
    assert.deepEqual(read, ['/repo/docs/.sysdesign/config.jsonc']);
  });

  it('has a schema generated from the settings, naming exactly the shared keys, that accepts and refuses what the reader does', async () => {
    const { configSchema } = (await import(join(root, 'scripts/gen-config-schema.mjs'))) as { configSchema(): Record<string, any> };
    const schema = JSON.parse(readFileSync(join(root, 'schemas/config.schema.json'), 'utf8'));
    assert.deepEqual(schema, configSchema(), 'run `node scripts/gen-config-schema.mjs` and commit the result');
    const keys = [...Object.keys(schema.properties).filter((k) => k !== '$schema' && k !== 'estimates'), ...Object.keys(schema.properties.estimates.properties).map((k) => `estimates.${k}`)];
    assert.deepEqual(keys.sort(), [...SHARED_KEYS].sort());
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.ok(validate({ rules: { SD001: 'off', 'missing-phase': 'hint' }, estimates: { peakFactor: 3 }, files: ['a/**'], ignore: [] }), JSON.stringify(validate.errors));
    assert.ok(!validate({ rulez: {} }));
    assert.ok(!validate({ rules: { SD001: 'loud' } }));
    assert.ok(!validate({ estimates: { codeLens: false } }), 'editor-only keys are not in the file');
  });
});
