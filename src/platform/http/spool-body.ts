import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

/** A request body saved to a temporary file: read it as often as needed, then dispose of it. */
export type SpooledBody = {
  /** The body's bytes, read from the file in pieces of about a megabyte. */
  open(): Readable;
  dispose(): Promise<void>;
};

/**
 * Saves a request body to a temporary file as it arrives, stopping with `tooLarge()` once it
 * passes `maxBytes`. The work on an upload (a database transaction) then starts only when the
 * client has sent all of it: a slow client holds a file, not a connection in a transaction.
 */
export async function spoolBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<SpooledBody> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'accord-upload-'));
  const file = path.join(directory, 'body');
  const dispose = () => rm(directory, { recursive: true, force: true });
  let bytes = 0;
  const counter = new Transform({
    transform(piece: Buffer, _encoding, done) {
      bytes += piece.byteLength;
      done(bytes > maxBytes ? tooLarge() : null, piece);
    },
  });
  try {
    const source = body ? Readable.fromWeb(body as WebReadableStream<Uint8Array>) : Readable.from([]);
    await pipeline(source, counter, createWriteStream(file));
  } catch (error) {
    await dispose();
    throw error;
  }
  return { open: () => createReadStream(file, { highWaterMark: 2 ** 20 }), dispose };
}
