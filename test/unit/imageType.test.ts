import assert from 'node:assert/strict';
import { sniffImageType } from '../../src/core/render/imageType';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

describe('sniffImageType', () => {
  it('knows PNG, JPEG, GIF and WebP by their first bytes', () => {
    assert.equal(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)), 'image/png');
    assert.equal(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)), 'image/jpeg');
    assert.equal(sniffImageType(ascii('GIF89a\x01\x00')), 'image/gif');
    assert.equal(sniffImageType(ascii('GIF87a\x01\x00')), 'image/gif');
    assert.equal(sniffImageType(ascii('RIFF\x24\x00\x00\x00WEBPVP8 ')), 'image/webp');
  });

  it('refuses anything else, whatever the file is called', () => {
    for (const text of ['PATH=/usr/bin\0HOME=/root\0', '<svg xmlns="http://www.w3.org/2000/svg"/>', '-----BEGIN OPENSSH PRIVATE KEY-----', '', 'GIF8', 'RIFF\x24\x00\x00\x00WAVEfmt ']) {
      assert.equal(sniffImageType(ascii(text)), undefined, JSON.stringify(text));
    }
    assert.equal(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47)), undefined, 'a truncated PNG signature');
  });
});
