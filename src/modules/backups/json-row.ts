// A backup row is one line of JSON, an object whose keys are the table's stored columns in order
// (row_to_json). A restore never parses the whole line into JS values: it finds where each value's
// JSON text starts and ends, and converts that text to what COPY takes.

/** Index just past the JSON string that starts at `start` (its opening quote). */
export function stringEnd(line: string, start: number): number {
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

/** Index just past the JSON value that starts at `start`. */
function valueEnd(line: string, start: number): number {
  const code = line.charCodeAt(start);
  if (code === 34) return stringEnd(line, start);
  if (code === 123 || code === 91) return nestedEnd(line, start);
  let end = start;
  while (end < line.length && line.charCodeAt(end) !== 44 && line.charCodeAt(end) !== 125) end += 1;
  return end;
}

/** The `"column":` prefix of each column, in table order, as a row writes them. */
export function keysOf(columns: readonly string[]): string[] {
  return columns.map((column) => `${JSON.stringify(column)}:`);
}

/**
 * Calls `visit` with the start and end of each column's JSON text, in column order. A row whose
 * keys are not exactly the table's columns, in order, is refused (SyntaxError).
 */
export function forEachValue(
  line: string,
  keys: readonly string[],
  visit: (column: number, start: number, end: number) => void,
): void {
  if (line.charCodeAt(0) !== 123) throw new SyntaxError('not an object');
  let index = 1;
  let column = 0;
  while (index < line.length && line.charCodeAt(index) !== 125) {
    const key = keys[column];
    if (!key || !line.startsWith(key, index)) throw new SyntaxError('unexpected column');
    index += key.length;
    const end = valueEnd(line, index);
    visit(column, index, end);
    column += 1;
    index = line.charCodeAt(end) === 44 ? end + 1 : end;
  }
  if (column !== keys.length || index !== line.length - 1) throw new SyntaxError('unexpected columns');
}

/** Whether the JSON text from `start` to `end` is `null`. */
export function isNull(line: string, start: number, end: number): boolean {
  return end - start === 4 && line.startsWith('null', start);
}

/** The JSON string from `start` to `end` as its value (parsed only when it holds an escape). */
export function stringValue(line: string, start: number, end: number): string {
  if (line.charCodeAt(start) !== 34) throw new SyntaxError('not a string');
  const raw = line.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(line.slice(start, end)) as string) : raw;
}
