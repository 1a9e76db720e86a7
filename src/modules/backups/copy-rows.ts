import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

// A restore streams each table into PostgreSQL with `COPY … FROM STDIN` (text format), turning the
// file's JSON lines into COPY lines here, in Node, while the server inserts the previous ones: the
// server no longer parses JSON (a third of its work, decision 0019), and the two cores work at once.

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

/** Index just past the JSON string that starts at `start` (its opening quote). */
function stringEnd(line: string, start: number): number {
  let index = start + 1;
  for (;;) {
    const quote = line.indexOf('"', index);
    if (quote < 0) throw new SyntaxError('unterminated string');
    let backslashes = 0;
    for (let back = quote - 1; line.charCodeAt(back) === 92; back -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    index = quote + 1;
  }
}

/** Index just past the JSON object or array that starts at `start`. */
function nestedEnd(line: string, start: number): number {
  let depth = 0;
  let index = start;
  while (index < line.length) {
    const code = line.charCodeAt(index);
    if (code === 34) {
      index = stringEnd(line, index);
      continue;
    }
    if (code === 123 || code === 91) depth += 1;
    else if (code === 125 || code === 93) {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
    index += 1;
  }
  throw new SyntaxError('unterminated value');
}

/** A JSON array (as row_to_json writes a PostgreSQL array) as an array literal: `{"a","b"}`. */
function arrayLiteral(value: unknown): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return `{${value.map(arrayLiteral).join(',')}}`;
  if (typeof value === 'string') return `"${value.replace(/["\\]/g, '\\$&')}"`;
  return String(value);
}

/** A table's columns as a row of the file names them, and which of them are arrays or JSON. */
export type RowShape = { columns: string[]; arrays: ReadonlySet<string>; json: ReadonlySet<string> };

type Keys = { keys: string[]; kinds: ('array' | 'json' | 'scalar')[] };

function keysOf(shape: RowShape): Keys {
  return {
    keys: shape.columns.map((column) => `${JSON.stringify(column)}:`),
    kinds: shape.columns.map((column) =>
      shape.arrays.has(column) ? 'array' : shape.json.has(column) ? 'json' : 'scalar',
    ),
  };
}

/**
 * One row of the file (row_to_json of the stored columns, keys in column order) as a line of
 * COPY text. Numbers are copied as written, never through a JS number, so bigint and float
 * values stay exact; JSON columns go as their JSON text; arrays become array literals. A row
 * whose keys are not exactly the table's columns, in order, is refused (SyntaxError).
 */
function copyLineOf(line: string, { keys, kinds }: Keys): string {
  const fields: string[] = [];
  if (line.charCodeAt(0) !== 123) throw new SyntaxError('not an object');
  let index = 1;
  while (index < line.length && line.charCodeAt(index) !== 125) {
    const key = keys[fields.length];
    if (!key || !line.startsWith(key, index)) throw new SyntaxError('unexpected column');
    index += key.length;
    const code = line.charCodeAt(index);
    const kind = kinds[fields.length];
    let end: number;
    if (code === 34 && kind === 'json') {
      // A JSON column holding a string: its JSON text, quotes and escapes included.
      end = stringEnd(line, index);
      fields.push(escapeJsonText(line.slice(index, end)));
    } else if (code === 34) {
      end = stringEnd(line, index);
      const raw = line.slice(index + 1, end - 1);
      fields.push(raw.includes('\\') ? escapeCopy(JSON.parse(line.slice(index, end)) as string) : raw);
    } else if (code === 123 || code === 91) {
      end = nestedEnd(line, index);
      const raw = line.slice(index, end);
      fields.push(kind === 'array' ? escapeCopy(arrayLiteral(JSON.parse(raw))) : escapeJsonText(raw));
    } else {
      end = index;
      while (end < line.length && line.charCodeAt(end) !== 44 && line.charCodeAt(end) !== 125) end += 1;
      const raw = line.slice(index, end);
      fields.push(raw === 'null' ? '\\N' : raw);
    }
    index = line.charCodeAt(end) === 44 ? end + 1 : end;
  }
  if (fields.length !== keys.length || index !== line.length - 1) throw new SyntaxError('unexpected columns');
  return `${fields.join('\t')}\n`;
}

/** The COPY text line of each row of a table of this shape (see `copyLineOf`). */
export function copyLinesOf(shape: RowShape): (line: string) => string {
  const keys = keysOf(shape);
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
const chunkCharacters = 128 * 1024;
const bufferedBytes = 8 * 1024 * 1024;

/** Starts `COPY <table> (<columns>) FROM STDIN`. */
export function copyRows(client: pg.PoolClient, table: string, shape: RowShape): RowCopy {
  const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const columns = shape.columns.map(identifier).join(', ');
  const stream = client.query(copyFrom(`copy ${identifier(table)} (${columns}) from stdin`));
  const keys = keysOf(shape);
  const done = finished(stream);
  // NOTE: a server error rejects `done`; the next write or `end` reports it.
  done.catch(() => undefined);
  let chunk = '';
  const flush = async () => {
    if (chunk === '') return;
    const text = chunk;
    chunk = '';
    stream.write(text);
    if (stream.writableLength >= bufferedBytes) await Promise.race([once(stream, 'drain'), done]);
  };
  return {
    add(line) {
      chunk += copyLineOf(line, keys);
      return chunk.length >= chunkCharacters;
    },
    flush,
    async end() {
      await flush();
      stream.end();
      await done;
    },
  };
}
