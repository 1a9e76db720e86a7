import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BinaryChunk, binaryHeader, binaryRowsOf, binaryTrailer } from './copy-binary';
import { forEachValue, keysOf, stringValue } from './json-row';

// A restore streams each table into PostgreSQL with `COPY … FROM STDIN`, turning the file's JSON
// lines into COPY rows here, in Node, while the server inserts the previous ones: the server parses
// no JSON (a third of its work, decision 0019), and the two cores work at once. Rows go in binary
// (`copy-binary.ts`) when every column's type has a writer there, else as COPY text.

/** Characters COPY's text format escapes, and how. */
const copyEscapes: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const needsEscape = /[\\\n\r\t]/g;

function escapeCopy(text: string): string {
  return text.replace(needsEscape, (character) => copyEscapes[character] ?? character);
}

/**
 * JSON text as COPY text. JSON writes control characters and backslashes escaped, so text
 * without a backslash has nothing COPY escapes (most values; the check is far cheaper).
 */
function escapeJsonText(text: string): string {
  return text.includes('\\') ? escapeCopy(text) : text;
}

/** A JSON array (as row_to_json writes a PostgreSQL array) as an array literal: `{"a","b"}`. */
function arrayLiteral(value: unknown): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return `{${value.map(arrayLiteral).join(',')}}`;
  if (typeof value === 'string') return `"${value.replace(/["\\]/g, '\\$&')}"`;
  return String(value);
}

/**
 * A table's columns as a row of the file names them, which of them are arrays or JSON, and
 * (when known) each column's type as pg_type names it, which lets the rows go in binary.
 */
export type RowShape = {
  columns: string[];
  arrays: ReadonlySet<string>;
  json: ReadonlySet<string>;
  types?: readonly string[] | undefined;
};

type Keys = { keys: string[]; kinds: ('array' | 'json' | 'scalar')[] };

function textKeysOf(shape: RowShape): Keys {
  return {
    keys: keysOf(shape.columns),
    kinds: shape.columns.map((column) =>
      shape.arrays.has(column) ? 'array' : shape.json.has(column) ? 'json' : 'scalar',
    ),
  };
}

/**
 * One row of the file (row_to_json of the stored columns, keys in column order) as a line of
 * COPY text. Numbers are copied as written, never through a JS number, so bigint and float
 * values stay exact; JSON columns go as their JSON text; arrays become array literals.
 */
function copyLineOf(line: string, { keys, kinds }: Keys): string {
  const fields: string[] = [];
  forEachValue(line, keys, (column, start, end) => {
    const raw = line.slice(start, end);
    if (raw === 'null') fields.push('\\N');
    else if (kinds[column] === 'json') fields.push(escapeJsonText(raw));
    else if (line.charCodeAt(start) === 34) {
      fields.push(raw.includes('\\') ? escapeCopy(stringValue(line, start, end)) : raw.slice(1, -1));
    } else if (kinds[column] === 'array') fields.push(escapeCopy(arrayLiteral(JSON.parse(raw))));
    else fields.push(raw);
  });
  return `${fields.join('\t')}\n`;
}

/** The COPY text line of each row of a table of this shape (see `copyLineOf`). */
export function copyLinesOf(shape: RowShape): (line: string) => string {
  const keys = textKeysOf(shape);
  return (line) => copyLineOf(line, keys);
}

/**
 * A COPY into one table: `add` takes a row and says when enough are waiting to `flush` them (with
 * backpressure); `end` resolves when the server has taken every row and checked its constraints.
 */
export type RowCopy = { add(line: string): boolean; flush(): Promise<void>; end(): Promise<void> };

// NOTE: rows go to the stream in small chunks and the stream may hold several megabytes before
// the restore waits for it to drain, so the server always has rows queued while Node converts more
// (a 1 MB chunk written only after the last one drained left the server idle a fifth of the time).
const chunkSize = 128 * 1024;
const bufferedBytes = 8 * 1024 * 1024;

/** The rows of a COPY gathered in chunks: text lines, or tuples of the binary format. */
type Chunks = { add(line: string): void; size(): number; take(): string | Buffer; finish?(): void };

function textChunks(shape: RowShape): Chunks {
  const keys = textKeysOf(shape);
  let chunk = '';
  return {
    add: (line) => {
      chunk += copyLineOf(line, keys);
    },
    size: () => chunk.length,
    take: () => {
      const taken = chunk;
      chunk = '';
      return taken;
    },
  };
}

function binaryChunks(rowsOf: (out: BinaryChunk, line: string) => void): Chunks {
  const chunk = new BinaryChunk();
  chunk.append(binaryHeader);
  return {
    add: (line) => rowsOf(chunk, line),
    size: () => chunk.length,
    take: () => chunk.take(),
    finish: () => chunk.append(binaryTrailer),
  };
}

/**
 * Starts `COPY <table> (<columns>) FROM STDIN`: in binary when every column's type has a binary
 * writer (`copy-binary.ts`), else in text.
 */
export function copyRows(client: pg.PoolClient, table: string, shape: RowShape): RowCopy {
  const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const columns = shape.columns.map(identifier).join(', ');
  const binaryRows = shape.types && binaryRowsOf(shape.columns, shape.types);
  const chunks = binaryRows ? binaryChunks(binaryRows) : textChunks(shape);
  const format = binaryRows ? ' (format binary)' : '';
  const stream = client.query(copyFrom(`copy ${identifier(table)} (${columns}) from stdin${format}`));
  const done = finished(stream);
  // NOTE: a server error rejects `done`; the next write or `end` reports it.
  done.catch(() => undefined);
  const flush = async () => {
    if (chunks.size() === 0) return;
    stream.write(chunks.take());
    if (stream.writableLength >= bufferedBytes) await Promise.race([once(stream, 'drain'), done]);
  };
  return {
    add(line) {
      chunks.add(line);
      return chunks.size() >= chunkSize;
    },
    flush,
    async end() {
      chunks.finish?.();
      await flush();
      stream.end();
      await done;
    },
  };
}
