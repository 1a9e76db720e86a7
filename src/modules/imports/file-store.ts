import { and, eq } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';
import type { ChunkReader } from './formats/stream-rows';
import type { TextEncoding } from './formats/table';
import { importFileChunks, importFiles } from './schema';

/** Bytes per stored piece: few enough rows to parse at a time, few enough pieces to fetch. */
export const chunkBytes = 4 * 1024 * 1024;

/** Bytes kept from the start of an upload to guess its format and delimiter. */
const headBytes = 64 * 1024;

/** What storing an upload learns on the way: its size, its start and its encoding. */
export type StoredFile = { bytes: number; head: Uint8Array; encoding: TextEncoding };

const utf8Bom = [0xef, 0xbb, 0xbf];

/** UTF-8 checked piece by piece: a BOM says UTF-8, any invalid sequence says windows-1251. */
function encodingWatcher() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  return {
    feed(piece: Uint8Array) {
      if (!valid) return;
      try {
        decoder.decode(piece, { stream: true });
      } catch {
        valid = false;
      }
    },
    encodingOf(head: Uint8Array): TextEncoding {
      if (utf8Bom.every((byte, index) => head[index] === byte)) return 'utf-8-bom';
      if (valid) {
        try {
          decoder.decode();
        } catch {
          valid = false;
        }
      }
      return valid ? 'utf-8' : 'windows-1251';
    },
  };
}

async function* piecesOf(body: Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (body instanceof Uint8Array) yield body;
  else yield* body;
}

/**
 * Stores an upload in pieces of `chunkBytes` as it arrives (an HTTP body, a file read from disk),
 * so that it is never held whole. `maxBytes` stops a body that grows past the limit.
 */
export async function storeFile(
  ctx: UseCaseContext,
  importId: string,
  body: Uint8Array | AsyncIterable<Uint8Array>,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<StoredFile> {
  const watcher = encodingWatcher();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let position = 0;
  let total = 0;
  let head = new Uint8Array(0);
  const flush = async () => {
    if (pendingBytes === 0) return;
    const bytes = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await ctx.db.insert(importFileChunks).values({
      workspaceId: ctx.actor.workspaceId,
      importId,
      position,
      bytes,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    position += 1;
  };
  for await (const piece of piecesOf(body)) {
    total += piece.byteLength;
    if (total > maxBytes) throw tooLarge();
    if (head.byteLength < headBytes) head = Buffer.concat([head, piece.subarray(0, headBytes - head.byteLength)]);
    watcher.feed(piece);
    // NOTE: a body may arrive as one large piece (a test, a fast disk): it is cut to size.
    for (let start = 0; start < piece.byteLength; ) {
      const part = piece.subarray(start, start + chunkBytes - pendingBytes);
      pending.push(part);
      pendingBytes += part.byteLength;
      start += part.byteLength;
      if (pendingBytes >= chunkBytes) await flush();
    }
  }
  await flush();
  return { bytes: total, head, encoding: watcher.encodingOf(head) };
}

/** Reads an import's stored file piece by piece within the given transaction. */
export function chunkReader(ctx: UseCaseContext, importId: string): ChunkReader {
  return (position) => readChunk(ctx, importId, position);
}

/** One piece of an import's file; a file stored before pieces existed is its own single piece. */
export async function readChunk(ctx: UseCaseContext, importId: string, position: number) {
  const [chunk] = await ctx.db
    .select({ bytes: importFileChunks.bytes })
    .from(importFileChunks)
    .where(
      and(
        eq(importFileChunks.workspaceId, ctx.actor.workspaceId),
        eq(importFileChunks.importId, importId),
        eq(importFileChunks.position, position),
      ),
    );
  if (chunk) return chunk.bytes;
  if (position > 0) return undefined;
  const [whole] = await ctx.db
    .select({ file: importFiles.file })
    .from(importFiles)
    .where(and(eq(importFiles.workspaceId, ctx.actor.workspaceId), eq(importFiles.id, importId)));
  return whole?.file;
}
