// Recognition by outline (files nothing marks): what a design document's outline looks like, and two
// kinds of Markdown that resemble one, found by `npm run probe`: API references and versioned changelogs.
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/parse';
import { designByOutline, neverDesignByName } from '../../src/core/sections/genre';

const DESIGN = [
  '# Upload service',
  '## Requirements', '- Users upload photos up to 20 MB.', '- Uploads finish within 2 s at p99.',
  '## Capacity estimation', '- 10M uploads/day × 2 MB ≈ 20 TB/day',
  '## API', '### `POST /v1/uploads`', 'Starts an upload.', '### `GET /v1/uploads/{id}`', 'Reads its state.',
  '## High-level design', 'Clients write to a gateway that streams to blob storage.',
  '## Trade-offs', 'Chunked uploads cost more requests but resume after a dropped connection.',
].join('\n\n');

// An API reference in our own words: a few headings say what design documents say, most name code.
const API_REFERENCE = [
  '# Squash',
  '## Thread use and performance considerations', 'Work runs on a pool of threads.',
  '## Memory usage tuning', 'Each stream holds a window of memory.',
  '## Class: `Options`', 'Settings for every stream.',
  '## Class: `squash.Packer`', 'Packs bytes.',
  '## Class: `squash.Unpacker`', 'Unpacks bytes.',
  '### `packer.flush([callback])`', 'Flushes.',
  '### `packer.close()`', 'Closes.',
  '## `squash.createPacker([options])`', 'Makes a packer.',
  '## `squash.createUnpacker([options])`', 'Makes an unpacker.',
  '## `squash.pack(buffer[, options], callback)`', 'Packs a buffer.',
].join('\n\n');

describe('recognition by outline', () => {
  it('takes a design document whose API part titles endpoints with code', () => {
    assert.equal(designByOutline(parseDocument(DESIGN), 'docs/uploads.md').designDoc, true);
  });

  it('leaves an API reference alone, whatever its prose headings say', () => {
    const verdict = designByOutline(parseDocument(API_REFERENCE), 'docs/api/squash.md');
    assert.equal(verdict.designDoc, false);
    assert.match(verdict.reason, /API reference/);
  });

  it('never takes a changelog, a readme or release notes, versioned names included', () => {
    for (const name of ['CHANGELOG.md', 'docs/CHANGELOG_V17.md', 'CHANGELOG-1.x.md', 'HISTORY-2020.md', 'readme.md', 'release-notes.md', 'RELEASES.markdown']) {
      assert.equal(neverDesignByName(name), true, name);
    }
    for (const name of ['history-service-design.md', 'security-model.md', 'release-plan.md', 'news-feed.design.md', 'changelog-service.md']) {
      assert.equal(neverDesignByName(name), false, name);
    }
  });
});
