import type { TextEncoding } from './table';

const utf8Bom = [0xef, 0xbb, 0xbf];

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return utf8Bom.every((byte, index) => bytes[index] === byte);
}

/**
 * Guesses the text encoding: a BOM says UTF-8; bytes that are valid UTF-8 are UTF-8; anything
 * else is taken as windows-1251, the encoding Russian Excel and Bitrix24 write.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (hasUtf8Bom(bytes)) return 'utf-8-bom';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/** Decodes bytes in the given encoding (a BOM is dropped); undecodable UTF-8 becomes U+FFFD. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === 'windows-1251') return new TextDecoder('windows-1251').decode(bytes);
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
}
