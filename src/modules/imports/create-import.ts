import { and, eq } from 'drizzle-orm';
import { AppError, invalidField } from '../../platform/errors';
import { platformMessages } from '../../platform/i18n/platform-messages';
import { message } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { chunkReader, type StoredFile, storeFile } from './file-store';
import { detectDelimiter } from './formats/csv';
import { decodeText } from './formats/decode';
import { detectKind, detectSource } from './formats/detect-source';
import { looksLikeHtml } from './formats/html-table';
import { type ChunkReader, dataRowsOf, type FileOutline, outlineOf, type Reading } from './formats/stream-rows';
import { suggestMapping } from './formats/suggest';
import type { Table } from './formats/table';
import { looksLikeZip } from './formats/xlsx';
import { type ImportView, viewOf } from './get-import';
import { importMessages } from './messages';
import { imports } from './schema';
import { type ReadingOptions, type UploadImportQuery, uploadImportQuery } from './schemas';

/** At most this many rows per file (a 200 MB CSV of contacts holds about two million). */
export const maxImportRows = 5_000_000;

/** The largest upload: CSV streams through in pieces, so the limit guards the disk, not memory. */
export const maxImportBytes = 512 * 1024 * 1024;

/** How a stored file is read: what the user said, else what its first bytes and its encoding suggest. */
export function readingOf(stored: Pick<StoredFile, 'head' | 'encoding'>, options: ReadingOptions): Reading {
  const zip = looksLikeZip(stored.head);
  const encoding = options.encoding ?? stored.encoding;
  const start = zip ? '' : decodeText(stored.head, encoding);
  const format = options.format ?? (zip ? 'xlsx' : looksLikeHtml(start) ? 'html' : 'csv');
  if (format === 'xlsx') return { format };
  if (format === 'html') return { format, encoding };
  return { format, encoding, delimiter: options.delimiter ?? detectDelimiter(start) };
}

/** Reads a stored file's columns and row count; a file that cannot be read is a 400 on `file`. */
export async function outlineUploaded(read: ChunkReader, reading: Reading): Promise<FileOutline> {
  let outline: FileOutline;
  try {
    outline = await outlineOf(read, reading);
  } catch {
    throw invalidField('file', importMessages.unreadableFile);
  }
  if (outline.columns.length === 0 || outline.totalRows === 0) throw invalidField('file', importMessages.emptyFile);
  if (outline.totalRows > maxImportRows) {
    throw new AppError('payload_too_large', message(importMessages.tooManyRows, { limit: maxImportRows }));
  }
  return outline;
}

/** The first rows of the file, enough to recognise the CRM that wrote it. */
async function sampleOf(read: ChunkReader, reading: Reading, outline: FileOutline): Promise<Table> {
  const rows: string[][] = [];
  for await (const row of dataRowsOf(read, reading, outline.columns.length)) {
    rows.push(row);
    if (rows.length >= 50) break;
  }
  return {
    format: reading.format,
    encoding: reading.encoding,
    delimiter: reading.delimiter,
    columns: outline.columns,
    rows,
  };
}

/** The 413 of an upload past `maxImportBytes`. */
export const uploadTooLarge = () =>
  new AppError(
    'payload_too_large',
    message(platformMessages.payloadTooLarge, { limit: `${maxImportBytes / (1024 * 1024)} MB` }),
  );

/**
 * Stores an uploaded file as a draft import with the detected format, source, kind and suggested
 * mapping. The body may be a stream: it is stored piece by piece as it arrives.
 */
export async function createImport(
  ctx: UseCaseContext,
  body: Uint8Array | AsyncIterable<Uint8Array>,
  rawQuery: UploadImportQuery,
): Promise<ImportView> {
  const query = uploadImportQuery.parse(rawQuery);
  // NOTE: the row comes first (its pieces refer to it) and is completed once the file is read,
  // all in the request's transaction: a file that cannot be read leaves nothing behind.
  const [draft] = await ctx.db
    .insert(imports)
    .values({
      workspaceId: ctx.actor.workspaceId,
      createdBy: ctx.actor.userId,
      fileName: query.fileName,
      format: 'csv',
      kind: query.kind ?? 'accounts',
      source: query.source ?? 'generic',
      columns: [],
      mapping: {},
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: imports.id });
  if (!draft) throw new Error('Import insert returned nothing');
  const stored = await storeFile(ctx, draft.id, body, maxImportBytes, uploadTooLarge);
  const read = chunkReader(ctx, draft.id);
  const reading = readingOf(stored, query);
  const outline = await outlineUploaded(read, reading);
  const sample = await sampleOf(read, reading, outline);
  const source = query.source ?? detectSource(sample);
  const kind = query.kind ?? detectKind(sample);
  const [created] = await ctx.db
    .update(imports)
    .set({
      format: reading.format,
      encoding: reading.encoding ?? null,
      delimiter: reading.delimiter ?? null,
      kind,
      source,
      columns: outline.columns,
      mapping: suggestMapping(kind, outline.columns, source),
      totalRows: outline.totalRows,
    })
    .where(and(eq(imports.workspaceId, ctx.actor.workspaceId), eq(imports.id, draft.id)))
    .returning();
  if (!created) throw new Error('Import update returned nothing');
  return viewOf(created, ctx.now);
}
