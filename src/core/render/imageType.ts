// What an image file really is, from its first bytes: a file is embedded in an export only when its
// content is an image, whatever its name says (`logo.png` may be a link to a file of secrets).

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/** File names an export may embed (the bytes must still be an image). */
export const EMBEDDABLE_IMAGE_NAME = /\.(?:png|jpe?g|gif|webp)$/i;
/** Larger images stay links: an export should not balloon. */
export const MAX_EMBEDDED_IMAGE_BYTES = 5 * 1024 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/** The image type the bytes begin with, or undefined when they are not a PNG, JPEG, GIF or WebP image. */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // "GIF87a" / "GIF89a"
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  // "RIFF" <size> "WEBP"
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return undefined;
}
