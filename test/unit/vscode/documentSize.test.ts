import assert from 'node:assert/strict';
import { PAUSED_CODE, pausedCommandMessage, pausedFor, pausedPreviewMarkdown, sizeVerdict } from '../../../src/vscode/documentSize';
import { readNumberAtLeast } from '../../../src/core/config/values';
import { codeInfo } from '../../../src/core/codes';

const MB = 1024 * 1024;

describe('document size limit', () => {
  it('pauses only above the limit, naming size, setting and limit', () => {
    assert.equal(pausedFor(2 * MB, 2), undefined);
    const paused = pausedFor(Math.round(5.2 * MB), 2);
    assert.ok(paused);
    assert.equal(
      paused.message,
      'System Design analysis paused: this document is 5.2 MB, larger than systemDesign.maxDocumentSizeMB (2 MB). Raise the setting to analyse it.',
    );
    assert.match(pausedFor(0.3 * MB, 0.2)!.message, /0\.3 MB.*\(0\.2 MB\)/);
  });

  it('the size gate analyses within the limit and recognises only an over-limit text: design pauses, other skips', () => {
    let asked = 0;
    const design = (answer: boolean) => () => {
      asked++;
      return answer;
    };
    assert.deepEqual(sizeVerdict(2 * MB, 2, design(true)), { kind: 'analyse' });
    assert.equal(asked, 0, 'recognition is not needed within the limit');
    const paused = sizeVerdict(3 * MB, 2, design(true));
    assert.equal(paused.kind, 'paused');
    assert.deepEqual(paused.kind === 'paused' && paused.paused, pausedFor(3 * MB, 2));
    assert.deepEqual(sizeVerdict(3 * MB, 2, design(false)), { kind: 'skip' });
    assert.equal(asked, 2);
  });

  it('a command on a paused document says analysis is paused above the limit, not that it is no design document', () => {
    const message = pausedCommandMessage(pausedFor(Math.round(5.2 * MB), 2)!, 'insert sections');
    assert.equal(
      message,
      'System Design: analysis is paused for documents larger than 2 MB (systemDesign.maxDocumentSizeMB); this one is 5.2 MB. Raise the setting to insert sections.',
    );
    assert.doesNotMatch(message, /not a design document/);
  });

  it('the preview notice is plain Markdown that names the setting', () => {
    const text = pausedPreviewMarkdown(pausedFor(3 * MB, 2)!);
    assert.match(text, /^# Preview paused/);
    assert.match(text, /`systemDesign\.maxDocumentSizeMB` \(2 MB\)/);
  });

  it('the limit setting falls back on non-numbers and values under the minimum, with one report each', () => {
    const problems: string[] = [];
    const report = (problem: string) => problems.push(problem);
    assert.equal(readNumberAtLeast(undefined, 2, 0.1, report), 2);
    assert.equal(readNumberAtLeast(8, 2, 0.1, report), 8);
    assert.equal(readNumberAtLeast(0.05, 2, 0.1, report), 2);
    assert.equal(readNumberAtLeast('10', 2, 0.1, report), 2);
    assert.equal(readNumberAtLeast(Number.NaN, 2, 0.1, report), 2);
    assert.equal(problems.length, 3);
    assert.match(problems[0], /at least 0\.1; using 2/);
  });

  it('the code catalog documents the paused code', () => {
    assert.equal(codeInfo(PAUSED_CODE)?.slug, 'analysis-paused');
  });
});
