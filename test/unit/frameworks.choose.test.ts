import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseFramework, FrameworkRegistry, matchSections } from '../../src/core/frameworks';
import { parseDocument } from '../../src/core/parse';
import { classifySections } from '../../src/core/sections/classify';
import type { FrameworkDef, ParsedDocument, PhaseKind } from '../../src/core/types';

const registry = FrameworkRegistry.withBuiltIns();
const defaultFramework = registry.get('default')!;

/** Heading title → matched phase id (or '-') for every heading in the document. */
function phasesOf(doc: ParsedDocument, frameworkId = 'default'): Record<string, string> {
  const matches = matchSections(doc, registry.get(frameworkId)!);
  return Object.fromEntries(doc.sections.map((s) => [s.title, matches.get(s)?.phase.id ?? '-']));
}

describe('heading matching', () => {
  it('matches phrasings as whole words, ignoring numbering, case and punctuation', () => {
    const doc = parseDocument(
      [
        '## Step 1: Functional Requirements',
        '## 2. Back-of-the-envelope',
        '## Phase 3 - SYSTEM ARCHITECTURE',
        '## Trade-offs & Risks',
        '## Requirementsish',
        '## APIs',
      ].join('\n\n'),
    );
    assert.deepEqual(phasesOf(doc), {
      'Step 1: Functional Requirements': 'requirements',
      '2. Back-of-the-envelope': 'estimation',
      'Phase 3 - SYSTEM ARCHITECTURE': 'high-level-design',
      'Trade-offs & Risks': 'trade-offs',
      Requirementsish: '-',
      APIs: 'api',
    });
  });

  it('prefers the longest phrasing, then the word further right', () => {
    const doc = parseDocument(
      ['## Estimate the Scale and Performance Requirements', '## Monitor & Wrap-up', '## Database Scaling', '## Scale the Design'].join('\n\n'),
    );
    assert.deepEqual(phasesOf(doc), {
      'Estimate the Scale and Performance Requirements': 'estimation',
      'Monitor & Wrap-up': 'wrap-up',
      'Database Scaling': 'scaling',
      'Scale the Design': 'scaling',
    });
  });

  it('reads "Storage" by its place; estimates go to estimation, data storage to the data model', () => {
    const doc = parseDocument(['## Storage', '## Storage Estimates', '## Data Storage', '## Traffic', '## High-level design', '## Storage'].join('\n\n'));
    const matches = matchSections(doc, defaultFramework);
    assert.deepEqual(
      doc.sections.map((s) => matches.get(s)?.phase.id ?? '-'),
      // Before any design, "Storage" is how much is stored; after it, where the data lives.
      ['estimation', 'estimation', 'data-model', 'estimation', 'high-level-design', 'data-model'],
    );
    assert.match(matches.get(doc.sections[0])!.reason ?? '', /before the design/);
  });

  it('finds phases nested in other phases when the sub-heading names them clearly', () => {
    const doc = parseDocument(
      [
        '## Deep Dive',
        'Intro.',
        '### API Design',
        '### Data Model',
        '### Microservices Architecture',
        '## Scaling',
        '### Scenario: Traffic Increases 10x',
        '### Caching Strategy',
        '### Database bottlenecks',
      ].join('\n\n'),
    );
    assert.deepEqual(phasesOf(doc), {
      'Deep Dive': 'deep-dive',
      'API Design': 'api',
      'Data Model': 'data-model',
      // One weak word in the middle of a sub-heading does not pull it out of its parent phase.
      'Microservices Architecture': '-',
      Scaling: 'scaling',
      'Scenario: Traffic Increases 10x': '-',
      'Caching Strategy': 'caching',
      'Database bottlenecks': '-',
    });
  });

  it('treats a sub-heading naming its parent phase as part of it, and skips a lone title heading', () => {
    const doc = parseDocument(['# Chat System Architecture', '## API Design', '### Endpoints', '## Architecture'].join('\n\n'));
    assert.deepEqual(phasesOf(doc), {
      'Chat System Architecture': '-',
      'API Design': 'api',
      Endpoints: '-',
      Architecture: 'high-level-design',
    });
  });

  it('matches only the phrasings of the framework in use', () => {
    const doc = parseDocument('## Observability\n\n## Security\n');
    assert.deepEqual(phasesOf(doc, 'five-step'), { Observability: '-', Security: '-' });
    assert.deepEqual(phasesOf(doc, 'default'), { Observability: 'monitoring', Security: 'security' });
  });
});

describe('chooseFramework', () => {
  const fourPhases = ['## Requirements', 'x', '## Estimation', 'x', '## High-Level Design', 'x', '## Trade-offs', 'x'].join('\n\n');

  it('uses the front matter id (sysdesign: or framework:) and says where it came from', () => {
    const doc = parseDocument(`---\ntitle: t\nsysdesign: eight-step\n---\n\n${fourPhases}`);
    const { choice, problems } = chooseFramework(doc, registry, {});
    assert.equal(choice.framework.id, 'eight-step');
    assert.equal(choice.source, 'front-matter');
    assert.equal(choice.reason, 'front matter: sysdesign: eight-step (line 3)');
    assert.deepEqual(problems, []);

    const other = parseDocument(`---\nframework: key-steps\n---\n`);
    assert.equal(chooseFramework(other, registry, {}).choice.framework.id, 'key-steps');
  });

  it('lets a forced option win over front matter and setting', () => {
    const doc = parseDocument(`---\nsysdesign: eight-step\n---\n`);
    const { choice } = chooseFramework(doc, registry, { forced: 'five-step', setting: 'seven-step' });
    assert.equal(choice.framework.id, 'five-step');
    assert.equal(choice.source, 'option');
  });

  it('prefers front matter over the setting, and the setting over detection', () => {
    const named = parseDocument(`---\nsysdesign: eight-step\n---\n`);
    assert.equal(chooseFramework(named, registry, { setting: 'seven-step' }).choice.framework.id, 'eight-step');
    const unnamed = parseDocument(fourPhases);
    const viaSetting = chooseFramework(unnamed, registry, { setting: 'seven-step' }).choice;
    assert.equal(viaSetting.framework.id, 'seven-step');
    assert.equal(viaSetting.source, 'setting');
    assert.equal(chooseFramework(unnamed, registry, { setting: 'auto' }).choice.source, 'detected');
  });

  it('reads an opt-out (sysdesign: no) as naming no framework when the file is checked anyway', () => {
    for (const word of ['no', 'off', 'none', 'false']) {
      const { choice, problems } = chooseFramework(parseDocument(`---\nsysdesign: ${word}\n---\n\n${fourPhases}`), registry, {});
      assert.deepEqual(problems, [], word);
      assert.notEqual(choice.source, 'front-matter', word);
    }
  });

  it('reports an unknown front-matter id on its key line and falls back', () => {
    const doc = parseDocument(`---\ntitle: t\n  \nsysdesign: nine-step\n---\n\n${fourPhases}`);
    const { choice, problems } = chooseFramework(doc, registry, { setting: 'seven-step' });
    assert.equal(choice.framework.id, 'seven-step', 'falls back to the next source');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^Unknown framework 'nine-step'\. Known: default, focused-steps, five-step, eight-step, seven-step, key-steps, design-doc, adr\.$/);
    assert.deepEqual(problems[0].range, { start: { line: 3, character: 0 }, end: { line: 3, character: 20 } });
  });

  it('reads quoted keys and numeric ids, and rejects a list or mapping as an id', () => {
    const quoted = parseDocument(`---\n"sysdesign": 8\n---\n`);
    const q = chooseFramework(quoted, registry, {});
    assert.match(q.problems[0].message, /^Unknown framework '8'\./);
    assert.equal(q.problems[0].range.start.line, 1);
    const list = parseDocument(`---\nsysdesign: [a, b]\n---\n`);
    const l = chooseFramework(list, registry, {});
    assert.match(l.problems[0].message, /must be a framework id/);
    assert.equal(l.choice.source, 'default');
  });

  it('reports an unknown forced or configured id', () => {
    const doc = parseDocument(fourPhases);
    const forced = chooseFramework(doc, registry, { forced: 'zzz' });
    assert.match(forced.problems[0].message, /Unknown framework 'zzz'/);
    assert.notEqual(forced.choice.source, 'option');
    const setting = chooseFramework(doc, registry, { setting: 'yyy' });
    assert.match(setting.problems[0].message, /Unknown framework 'yyy' in the default-framework setting/);
  });

  it('detects when front matter only marks the document (type: system-design, sysdesign: true)', () => {
    for (const fm of ['type: system-design', 'sysdesign: true']) {
      const doc = parseDocument(`---\n${fm}\n---\n\n${fourPhases}`);
      const { choice, problems } = chooseFramework(doc, registry, {});
      assert.equal(choice.source, 'detected', fm);
      assert.deepEqual(problems, []);
    }
  });

  it('detects the framework whose phases the headings cover best, and explains it', () => {
    const doc = parseDocument(
      [
        '## Requirement Clarification',
        '## System Interface Definition',
        '## Back-of-the-Envelope Estimation',
        '## Defining Data Model',
        '## High-Level Design',
        '## Detailed Design',
        '## Identifying and Resolving Bottlenecks',
      ]
        .map((h) => `${h}\n\ntext`)
        .join('\n\n'),
    );
    const { choice } = chooseFramework(doc, registry, {});
    assert.equal(choice.framework.id, 'seven-step');
    assert.equal(choice.source, 'detected');
    assert.equal(
      choice.reason,
      `detected: reads as a system design write-up ("System Interface Definition", "Back-of-the-Envelope Estimation", "Defining Data Model"); headings match 7 of 8 phases of 'Seven-step general approach'`,
    );
  });

  it('detects the same built-in whatever team frameworks the workspace adds', () => {
    // The example team framework lists some of the same phrasings as the built-ins; that must not make a
    // built-in's own words ordinary, or the write-up below would fall back to the default framework.
    const team = JSON.parse(readFileSync(join(__dirname, '../../examples/.sysdesign/frameworks/team-lite.json'), 'utf8')) as FrameworkDef;
    const withTeam = FrameworkRegistry.withBuiltIns();
    withTeam.addWorkspaceFramework(team, 'team-lite.json');
    const doc = parseDocument(readFileSync(join(__dirname, '../../examples/news-feed.design.md'), 'utf8'));
    const alone = chooseFramework(doc, registry, {}).choice;
    assert.equal(alone.framework.id, 'focused-steps');
    assert.equal(chooseFramework(doc, withTeam, {}).choice.framework.id, alone.framework.id);
  });

  it('gives ties and weak matches to the default', () => {
    const tie = chooseFramework(parseDocument(fourPhases), registry, {}).choice;
    // Several frameworks cover these four phases; none beats the default by enough to be chosen.
    assert.equal(tie.framework.id, 'default');
    assert.match(tie.reason, /^detected: reads as a system design write-up \("Estimation", "High-Level Design"\); headings match 4 of 13 phases of 'Default \(every phase\)'/);

    const nothing = chooseFramework(parseDocument('# Notes\n\nJust text.\n'), registry, {}).choice;
    assert.equal(nothing.framework, defaultFramework);
    assert.equal(nothing.source, 'default');
    assert.match(nothing.reason, /headings fit none of 8/);
  });
});

describe('genres', () => {
  const load = (lines: string[]) => parseDocument(lines.map((h) => `${h}\n\ntext`).join('\n\n'));

  it('takes an outline of motivation, proposal, alternatives and rollout for a proposal', () => {
    const { choice } = chooseFramework(load(['## Summary', '## Motivation', '## Goals', '## Non-Goals', '## Proposal', '## Design Details', '## Alternatives', '## Upgrade / Downgrade Strategy']), registry, {});
    assert.equal(choice.framework.id, 'design-doc');
    assert.match(choice.reason, /^detected: reads as an engineering proposal \("Summary", "Motivation", "Goals"\); headings match 6 of 14 phases of 'Design doc \/ RFC'$/);
  });

  it('takes context, decision and consequences for a decision record', () => {
    const { choice } = chooseFramework(load(['# Use Postgres for billing', '## Status', '## Context', '## Decision', '## Consequences']), registry, {});
    assert.equal(choice.framework.id, 'adr');
  });

  it('keeps interview write-ups with the interview frameworks', () => {
    const { choice } = chooseFramework(load(['# Design a chat service', '## Functional requirements', '## Capacity estimation', '## API', '## Data model', '## High-level design']), registry, {});
    assert.equal(choice.framework.id, 'default');
  });

  it('takes a title that says "Design doc:" for a proposal, with its cross-cutting concerns read one by one', () => {
    const outline = ['# Design Doc: Rate limiter', '## Context and Scope', '## Goals and Non-Goals', '## The Actual Design', '### APIs', '### Data Storage', '## Alternatives Considered', '## Cross-cutting concerns', '### Security', '### Observability'];
    const doc = load(outline);
    assert.equal(chooseFramework(doc, registry, {}).choice.framework.id, 'design-doc');
    const kinds = Object.fromEntries(doc.sections.map((s) => [s.title, classifySections(doc).get(s)?.kind ?? '-']));
    assert.deepEqual([kinds['Cross-cutting concerns'], kinds.Security, kinds.Observability], ['-', 'security', 'monitoring']);
  });
});

describe('heading matching with a framework\'s own phrasings', () => {
  const framework = (id: string, headings: string[][], kind: PhaseKind = 'requirements'): FrameworkDef => ({
    id,
    title: id,
    description: `${id} framework`,
    phases: headings.map((h, i) => ({ id: `${id}-p${i}`, title: h[0], kind, headings: h, required: true, needs: [] })),
  });
  const first = (doc: ParsedDocument, f: FrameworkDef) => matchSections(doc, f).get(doc.sections[0])?.phase.id;

  it('a phrasing the framework lists claims the heading for its phase over the shared vocabulary', () => {
    const team = framework('team', [['goals'], ['risks and costs']], 'trade-offs');
    const doc = parseDocument('## Risks and Costs\n\ntext\n');
    assert.equal(first(doc, team), 'team-p1');
    // Without the team's phrasing, the vocabulary reads it as risks, which this team framework does not have.
    assert.equal(first(doc, framework('other', [['goals']], 'trade-offs')), undefined);
  });

  it('answers each framework with its own phases when two share a phrasing', () => {
    const a = framework('a', [['scope'], ['goals']]);
    const b = framework('b', [['goals'], ['scope']]);
    const doc = parseDocument('## Goals\n');
    assert.equal(first(doc, a), 'a-p1');
    assert.equal(first(doc, b), 'b-p0');
    assert.equal(first(doc, a), 'a-p1');
  });

  it('keeps answering correctly across many frameworks', () => {
    const many = Array.from({ length: 150 }, (_, i) => framework(`f${i}`, [['overview'], [`topic ${i}`]]));
    const doc = parseDocument('## Topic 7\n');
    for (const f of many) assert.equal(first(doc, f), f.id === 'f7' ? 'f7-p1' : undefined);
  });

  it('does not pull a sub-section out of its part on one word of the framework\'s', () => {
    const f = framework('inh', [['scaling'], ['architecture']], 'scaling');
    const doc = parseDocument('## Scaling\n\n### Microservices Architecture\n\n## Architecture\n');
    const matches = matchSections(doc, f);
    assert.deepEqual(doc.sections.map((s) => matches.get(s)?.phase.id ?? '-'), ['inh-p0', '-', 'inh-p1']);
  });
});

describe('section classes for headings as other authors write them', () => {
  /** Heading title → its class's kind (or '-'), from the shared classifier. */
  function kindsOf(markdown: string): Record<string, string> {
    const doc = parseDocument(markdown);
    const classes = classifySections(doc);
    return Object.fromEntries(doc.sections.map((s) => [s.title, classes.get(s)?.kind ?? '-']));
  }

  it('reads what a system can do as requirements before the design and as the design after it', () => {
    assert.deepEqual(kindsOf('## Features\n\nPost.\n\n## High-level design\n\nBoxes.\n\n## Core capabilities\n\n### Lineage store\n\nText.\n'), {
      Features: 'requirements',
      'High-level design': 'high-level-design',
      'Core capabilities': 'deep-dive',
      'Lineage store': 'deep-dive',
    });
  });

  it('reads considerations as framing before the design and as the close after it', () => {
    assert.deepEqual(kindsOf('## Preliminary considerations\n\nText.\n\n## Architecture\n\nBoxes.\n\n## Other considerations\n\nText.\n'), {
      'Preliminary considerations': 'context',
      Architecture: 'high-level-design',
      'Other considerations': 'wrap-up',
    });
    // "Preliminary" says where it belongs, even after a schema given with the problem.
    assert.equal(kindsOf('## Data model\n\nTables.\n\n## Preliminary considerations\n\nText.\n')['Preliminary considerations'], 'context');
  });

  it('takes a lone "Cons" for the proposal\'s drawbacks, but "Cons" after "Pros" or under an option for the comparison', () => {
    assert.equal(kindsOf('## Design\n\nText.\n\n## Cons\n\nSlower.\n').Cons, 'risks');
    assert.deepEqual(kindsOf('## Motivation\n\n### Pros\n\nFast.\n\n### Cons\n\nNew.\n\n## Design\n\nText.\n'), { Motivation: 'context', Pros: 'trade-offs', Cons: 'trade-offs', Design: 'high-level-design' });
    assert.equal(kindsOf('## Alternatives\n\n### Option A: polling\n\n#### Cons\n\nLoad.\n').Cons, 'trade-offs');
  });

  it('keeps "Links", "Contents" and "License" apart only as a whole heading', () => {
    assert.deepEqual(kindsOf('## Caching\n\n### Links between services\n\nText.\n\n## Content identifiers\n\nText.\n\n## Links\n\n- a\n'), {
      Caching: 'caching',
      'Links between services': 'caching',
      'Content identifiers': '-',
      Links: '-',
    });
    const doc = parseDocument('## Design\n\nText.\n\n## Links\n\n### Caching\n\nText.\n');
    assert.equal(classifySections(doc).get(doc.sections[2])?.apart, true, 'nothing under a links section is a part');
  });

  it('reads Chinese headings, which have no spaces between words', () => {
    assert.deepEqual(kindsOf('### 使用场景(Scenario)\n\n文本\n\n### 需求(Needs)\n\n文本\n\n### 系统架构\n\n文本\n\n### 如何存储\n\n文本\n\n### 预防攻击\n\n文本\n\n### 参考资料\n\n- a\n'), {
      '使用场景(Scenario)': 'context',
      '需求(Needs)': 'requirements',
      系统架构: 'high-level-design',
      如何存储: 'data-model',
      预防攻击: 'security',
      参考资料: '-',
    });
  });

  it('reads a section that works out powers in math as the estimation', () => {
    const kinds = kindsOf('### 短网址的长度\n\n网页总数大概是 45亿，超过了 $$2^{32}=4294967296$$。\n\n最大能表示 $${62}^7=3521614606208$$ 个网址。\n');
    assert.equal(kinds['短网址的长度'], 'estimation');
  });

  it('reads "Throughput" as the expected load before the design and as scaling after it', () => {
    assert.deepEqual(kindsOf('## Throughput\n\n5 TB / 86,400 s = 58 MB/s\n\n## Architecture\n\nBoxes.\n\n## Throughput\n\nAdd brokers.\n'), {
      Throughput: 'scaling',
      Architecture: 'high-level-design',
    });
    const doc = parseDocument('## Throughput\n\n5 TB / 86,400 s = 58 MB/s\n\n## Architecture\n\nBoxes.\n');
    assert.equal(classifySections(doc).get(doc.sections[0])?.kind, 'estimation');
  });

  it('reads a heading that is only code as an identifier, not a part', () => {
    assert.deepEqual(kindsOf('## Proposal\n\nText.\n\n## Metrics\n\nText.\n\n### `cluster:capacity_memory_bytes:sum`\n\nBytes of memory.\n'), {
      Proposal: 'high-level-design',
      Metrics: 'monitoring',
      'cluster:capacity_memory_bytes:sum': 'monitoring',
    });
  });

  it('reads "Monitor" as monitoring where it opens a heading, and as a component after a name', () => {
    const kinds = kindsOf('## Design\n\nText.\n\n## Cluster Monitor Logic\n\nText.\n\n## Monitor the fleet\n\nText.\n');
    assert.equal(kinds['Cluster Monitor Logic'], '-');
    assert.equal(kinds['Monitor the fleet'], 'monitoring');
  });

  it('reads questions settled by options under them as the comparison, other questions by their place', () => {
    const kinds = kindsOf('## Proposal\n\nText.\n\n## Key Questions\n\n### Key Question:\n\nWhich?\n\n### Option 1 (Selected):\n\nA.\n\n### Option 2 (Discarded):\n\nB.\n');
    assert.equal(kinds['Key Questions'], 'trade-offs');
    assert.equal(kinds['Option 1 (Selected):'], 'trade-offs');
    const doc = parseDocument('## Proposal\n\nText.\n\n## Key Questions\n\n### Option 1: A\n\nA.\n\n### Option 2: B\n\nB.\n');
    const classes = classifySections(doc);
    assert.deepEqual(doc.sections.map((s) => classes.get(s)?.starts), [true, true, false, false], 'the options continue the comparison');
    assert.equal(kindsOf('## Proposal\n\nText.\n\n## Key Questions\n\n- Who owns it?\n')['Key Questions'], 'open-questions');
  });

  it('reads the topic after a label that cannot stand inside a design ("Use case: caching videos in CDN")', () => {
    const kinds = kindsOf('## Core components\n\nText.\n\n### Use case: Caching videos in CDN\n\nText.\n\n### Use case: User uploads video\n\nText.\n');
    assert.equal(kinds['Use case: Caching videos in CDN'], 'caching');
    assert.equal(kinds['Use case: User uploads video'], 'high-level-design');
    assert.equal(kindsOf('## Use case: Caching videos in CDN\n\nText.\n')['Use case: Caching videos in CDN'], 'requirements', 'before any design the label says what it is');
  });

  it('reads a heading that lists several parts as the part it names most often', () => {
    const kinds = kindsOf('## Design\n\nText.\n\n## Prior Art, Alternatives and Future Possibilities\n\nText.\n\n## Future work and next steps\n\nText.\n');
    assert.equal(kinds['Prior Art, Alternatives and Future Possibilities'], 'trade-offs');
    assert.equal(kinds['Future work and next steps'], 'wrap-up');
    assert.equal(kindsOf('## Prior art\n\nOther systems do it this way.\n')['Prior art'], 'trade-offs', 'designs elsewhere, compared');
  });

  it('lets the sub-sections of a heading that names several parts take each of them', () => {
    const kinds = kindsOf('## 1. Context, requirements & API design\n\n### Problem statement\n\nText.\n\n### Functional requirements\n\nText.\n\n### API design\n\nText.\n\n### Data model\n\nText.\n');
    assert.equal(kinds['Problem statement'], 'context');
    assert.equal(kinds['Functional requirements'], 'requirements');
    assert.equal(kinds['API design'], 'api');
    // A part the parent does not name still needs a plain heading to leave it; framing never does.
    const only = kindsOf('## API design\n\n### Problem statement\n\nText.\n\n### Functional requirements\n\nText.\n');
    assert.equal(only['Problem statement'], 'api');
    assert.equal(only['Functional requirements'], 'api');
  });

  it('reads "Design core components" after the overview as the component-by-component deep dive', () => {
    const kinds = kindsOf('## Step 2: Create a high-level design\n\nBoxes.\n\n## Step 3: Design core components\n\nText.\n\n## Components\n\nText.\n');
    assert.equal(kinds['Step 2: Create a high-level design'], 'high-level-design');
    assert.equal(kinds['Step 3: Design core components'], 'deep-dive');
    assert.equal(kinds.Components, 'high-level-design', 'a plain list of components is the design');
  });

  it('reads the usage calculation of a "use cases and constraints" step as the estimation', () => {
    const kinds = kindsOf('## Step 1: Outline use cases and constraints\n\n### Constraints and assumptions\n\n- 10M users\n\n#### Calculate usage\n\n- 1 KB per entry\n\n## Step 2: Create a high level design\n\nBoxes.\n');
    assert.equal(kinds['Calculate usage'], 'estimation');
    assert.equal(kinds['Constraints and assumptions'], 'requirements');
  });

  it('reads an RFC\'s guide-level explanation as the proposal and its reference-level explanation as the detail', () => {
    const kinds = kindsOf('# Summary\n\nX.\n\n# Motivation\n\nY.\n\n# Guide-level explanation\n\nZ.\n\n# Reference-level explanation\n\nW.\n');
    assert.equal(kinds['Guide-level explanation'], 'high-level-design');
    assert.equal(kinds['Reference-level explanation'], 'deep-dive');
  });

  it('reads "What is X?" opening a write-up as its introduction, and names no part with it later', () => {
    const kinds = kindsOf('## 1. What is Pastebin?\n\nA paste service.\n\n## 2. High level design\n\nBoxes.\n\n## 3. What is a paste?\n\nText.\n');
    assert.equal(kinds['1. What is Pastebin?'], 'context');
    assert.equal(kinds['3. What is a paste?'], '-');
  });

  it('reads "Impact on existing …" in a proposal as compatibility', () => {
    assert.equal(kindsOf('## Proposal\n\nText.\n\n## Impact on existing packages\n\nNone.\n')['Impact on existing packages'], 'rollout');
  });
});

