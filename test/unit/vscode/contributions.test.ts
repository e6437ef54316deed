import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { DEFAULT_DESIGN_GLOBS } from '../../../src/core/recognize';

interface Command {
  command: string;
  title: string;
  category?: string;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const contributes = pkg.contributes;

describe('package.json contributions (extension side)', () => {
  it('activates lazily, never on "*"', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(pkg.activationEvents.includes('onLanguage:markdown'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.capabilities.virtualWorkspaces, true);
  });

  it('every command has the System Design category and is registered at activation (activate.ts)', () => {
    const source = readFileSync('src/vscode/activate.ts', 'utf8');
    for (const command of contributes.commands as Command[]) {
      assert.equal(command.category, 'System Design', command.command);
      if (command.command.startsWith('systemDesign.') && !/preview|export/i.test(command.command)) {
        assert.ok(source.includes(`'${command.command}'`) || source.includes('REVEAL_COMMAND'), `${command.command} not registered`);
      }
    }
  });

  it('menus only reference declared commands', () => {
    const declared = new Set((contributes.commands as Command[]).map((command) => command.command));
    for (const [menu, entries] of Object.entries(contributes.menus as Record<string, Array<{ command: string }>>)) {
      for (const entry of entries) assert.ok(declared.has(entry.command), `${menu}: ${entry.command}`);
    }
  });

  it('the checklist view lives in its own activity bar container with an icon that exists', () => {
    const container = contributes.viewsContainers.activitybar.find((c: { id: string }) => c.id === 'systemDesign');
    assert.ok(container && existsSync(container.icon));
    assert.equal(contributes.views.systemDesign[0].id, 'systemDesign.checklist');
    const welcome = contributes.viewsWelcome.filter((w: { view: string }) => w.view === 'systemDesign.checklist');
    assert.ok(welcome.some((w: { contents: string }) => w.contents.includes('command:systemDesign.newDocument') && w.contents.includes('command:systemDesign.treatAsDesignDoc')));
  });

  it('settings have descriptions and the file globs default to the core recognition globs', () => {
    const props = contributes.configuration.properties;
    for (const key of ['systemDesign.files', 'systemDesign.framework', 'systemDesign.rules', 'systemDesign.frameworksFolder']) {
      assert.ok(props[key]?.markdownDescription, key);
    }
    assert.deepEqual(props['systemDesign.files'].default, [...DEFAULT_DESIGN_GLOBS]);
    const pattern = new RegExp(props['systemDesign.rules'].propertyNames.pattern);
    for (const key of ['SD001', 'SE003', 'missing-phase']) assert.match(key, pattern);
    for (const key of ['SD-1', 'Missing Phase', '']) assert.doesNotMatch(key, pattern);
  });

  it('framework files and the project config file are validated against the shipped schemas', () => {
    assert.deepEqual(contributes.jsonValidation, [
      { fileMatch: '.sysdesign/frameworks/*.json', url: './schemas/framework.schema.json' },
      { fileMatch: '.sysdesign/config.jsonc', url: './schemas/config.schema.json' },
    ]);
    assert.ok(existsSync('schemas/framework.schema.json'));
    assert.ok(existsSync('schemas/config.schema.json'));
  });

  it('no Node file system in the extension code (virtual workspaces)', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(`${dir}/${entry.name}`) : entry.name.endsWith('.ts') ? [`${dir}/${entry.name}`] : [],
      );
    for (const file of walk('src/vscode')) {
      assert.doesNotMatch(readFileSync(file, 'utf8'), /from '(?:node:)?(?:fs|fs\/promises|child_process)'/, file);
    }
  });
});
