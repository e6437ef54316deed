// Rules with options: read from the config file or settings, validated against one table, used by the rules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { analyze } from '../../src/core/analyze';
import { readConfigFile } from '../../src/core/config/configFile';
import { resolveDesignConfig } from '../../src/core/config/designConfig';
import { readRules } from '../../src/core/config/values';
import { RULE_OPTIONS } from '../../src/core/rules/ruleOptions';

const root = resolve(__dirname, '../..');

const DOC = [
  '---', 'sysdesign: default', '---', '# Feed', '',
  '## Requirements', '', '- Post and read.', '', '### Non-functional requirements', '', '- Latency: p99 under 200 ms', '',
  '## Capacity estimation', '', '- 10M users × 5 posts/day ≈ 50M posts/day', '',
  '## Data model', '', 'Posts by author.', '',
  '## High-level design', '', '```mermaid', 'flowchart LR', '  a --> b', '```', '',
  '## Monitoring', '', '- Error rate of writes, alert at 1%', '',
  '## Trade-offs', '', 'Push vs pull: push is fast to read, pull is cheap to write. We choose push.', '',
].join('\n');

const codes = (options?: Record<string, Record<string, readonly string[]>>) =>
  analyze(DOC, options ? { ruleOptions: options } : {}).findings.map((f) => `${f.code}:${f.message.slice(0, 70)}`);

describe('rule options', () => {
  it('reads an entry as a severity or as an object with a severity and options, reporting what it cannot use', () => {
    const problems: string[] = [];
    const { severities, options } = readRules(
      { SD001: 'off', 'non-functional-without-numbers': { severity: 'info', targets: ['latency', 'latency'] }, SD010: { signals: ['errors', 'traces'] }, SD005: { targets: [] }, SD002: { severity: 'loud' } },
      (p) => problems.push(p),
    );
    assert.deepEqual(severities, { SD001: 'off', 'non-functional-without-numbers': 'info' });
    assert.deepEqual(options, { SD009: { targets: ['latency'] } });
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0], /"SD010\.signals": \["errors","traces"\]; use a list of latency, errors/);
    assert.match(problems[1], /"SD005\.targets", which SD005 takes no options/);
    assert.match(problems[2], /"SD002\.severity": "loud"/);
  });

  it('SD009 asks only for the targets it is given', () => {
    // Latency is stated, scale comes from the estimates: only availability is missing.
    assert.ok(codes().some((c) => /^SD009:.*no number for availability\./.test(c)), codes().join('\n'));
    assert.ok(!codes({ SD009: { targets: ['latency', 'scale'] } }).some((c) => c.startsWith('SD009')));
  });

  it('SD010 asks only for the signals it is given', () => {
    assert.ok(codes().some((c) => /^SD010:.*latency/.test(c)));
    assert.ok(!codes({ SD010: { signals: ['errors'] } }).some((c) => c.startsWith('SD010')));
  });

  it('SD001 requires the kinds a project adds, saying that the project asks for them', () => {
    assert.ok(!codes().some((c) => /^SD001:No Security/.test(c)), 'security is optional in the framework');
    const demanded = codes({ SD001: { require: ['security'] } }).filter((c) => c.startsWith('SD001'));
    assert.deepEqual(demanded.map((c) => c.slice(0, 37)), ['SD001:No Security and privacy section']);
    assert.match(analyze(DOC, { ruleOptions: { SD001: { require: ['security'] } } }).findings.find((f) => f.code === 'SD001')!.message, /which this project requires/);
  });

  it('flows from the config file to the analysis', () => {
    const { config, problems } = resolveDesignConfig([readConfigFile('{ "rules": { "SD009": { "severity": "error", "targets": ["availability"] } } }', 'c')]);
    assert.deepEqual(problems, []);
    const found = analyze(DOC, { rules: config.rules, ruleOptions: config.ruleOptions }).findings.filter((f) => f.code === 'SD009');
    assert.deepEqual(found.map((f) => [f.severity, /no number for availability\./.test(f.message)]), [['error', true]]);
  });

  it('is documented on each rule\'s page, every value listed', () => {
    for (const [code, entry] of Object.entries(RULE_OPTIONS)) {
      const page = readFileSync(join(root, 'docs/rules', `${code}.md`), 'utf8');
      const section = page.slice(page.indexOf('### Options'));
      assert.ok(page.includes('### Options'), code);
      for (const [name, spec] of Object.entries(entry.options)) {
        assert.ok(section.includes(`| \`${name}\` |`), `${code} documents ${name}`);
        for (const value of spec.values) assert.ok(section.includes(`\`${value}\``), `${code}.${name}: ${value}`);
      }
    }
  });

  it('is described by the settings schema, code and slug alike, and the schema refuses what the reader refuses', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const rules = pkg.contributes.configuration.properties['systemDesign.rules'];
    for (const [code, entry] of Object.entries(RULE_OPTIONS)) {
      for (const key of [code, entry.slug]) {
        const object = rules.properties[key].oneOf[1];
        for (const [name, spec] of Object.entries(entry.options)) {
          assert.deepEqual(object.properties[name].items.enum, [...spec.values], `${key}.${name}`);
          assert.deepEqual(object.properties[name].default, [...spec.default], `${key}.${name}`);
        }
        assert.deepEqual(Object.keys(object.properties).sort(), ['severity', ...Object.keys(entry.options)].sort());
      }
    }
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(join(root, 'schemas/config.schema.json'), 'utf8')));
    assert.ok(validate({ rules: { SD009: { targets: ['latency'] }, 'missing-phase': { require: ['security'], severity: 'warning' }, SD002: { severity: 'info' } } }), JSON.stringify(validate.errors));
    assert.ok(!validate({ rules: { SD009: { targets: ['speed'] } } }));
    assert.ok(!validate({ rules: { SD005: { targets: ['latency'] } } }));
  });
});
