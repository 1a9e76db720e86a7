import { forEachValue, isNull, keysOf, stringValue } from './json-row';

// COPY's binary format (decision 0019): each value goes as PostgreSQL's own binary form, so the
// server neither splits text lines nor parses uuids, timestamps and numbers; it spent a fifth of a
// restore doing that. Node turns the file's JSON text into those bytes while the server inserts.
// NOTE: written here: the npm encoders of this format read JS values (a Date keeps milliseconds,
// an int8 goes through a JS number), and a restore must give back every microsecond and digit.

/** The 11-byte signature, then flags and the length of a header extension: both 0. */
export const binaryHeader = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
/** A field count of -1 ends the data. */
export const binaryTrailer = Buffer.from([0xff, 0xff]);

/** Bytes being gathered for the server; `take` hands them over and starts a new buffer. */
export class BinaryChunk {
  private buffer = Buffer.allocUnsafe(256 * 1024);
  length = 0;

  reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  int16(value: number): void {
    this.reserve(2);
    this.length = this.buffer.writeInt16BE(value, this.length);
  }

  int32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeInt32BE(value, this.length);
  }

  /** A 64-bit integer: exact for safe integers, else given as a bigint. */
  int64(value: number | bigint): void {
    this.reserve(8);
    if (typeof value === 'bigint') {
      this.length = this.buffer.writeBigInt64BE(value, this.length);
      return;
    }
    const high = Math.floor(value / 2 ** 32);
    this.buffer.writeInt32BE(high, this.length);
    this.length = this.buffer.writeUInt32BE(value - high * 2 ** 32, this.length + 4);
  }

  float64(value: number): void {
    this.reserve(8);
    this.length = this.buffer.writeDoubleBE(value, this.length);
  }

  float32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeFloatBE(value, this.length);
  }

  byte(value: number): void {
    this.reserve(1);
    this.length = this.buffer.writeUInt8(value, this.length);
  }

  /** A field of UTF-8 text: its length, then its bytes, after `prefix` (jsonb's version byte). */
  text(value: string, prefix?: number): void {
    this.reserve(value.length * 3 + 5);
    const start = this.length;
    let at = start + 4;
    if (prefix !== undefined) at = this.buffer.writeUInt8(prefix, at);
    at += this.buffer.write(value, at, 'utf8');
    this.buffer.writeInt32BE(at - start - 4, start);
    this.length = at;
  }

  /**
   * A text field from the JSON string between `start` and `end` (its quotes) of `line`. ASCII
   * without escapes (most values) is copied here: a call into Buffer#write costs more than that.
   */
  jsonString(line: string, start: number, end: number): void {
    if (line.charCodeAt(start) !== 34) throw new SyntaxError('not a string');
    const length = end - start - 2;
    this.reserve(length + 4);
    const { buffer } = this;
    const at = this.length + 4;
    for (let index = 0; index < length; index += 1) {
      const code = line.charCodeAt(start + 1 + index);
      if (code === 92 || code >= 128) {
        this.text(stringValue(line, start, end));
        return;
      }
      buffer[at + index] = code;
    }
    buffer.writeInt32BE(length, this.length);
    this.length = at + length;
  }

  /** A field of raw bytes: its length, then the bytes. */
  bytes(value: Buffer): void {
    this.int32(value.length);
    this.append(value);
  }

  /** Bytes as they are (the format's header and trailer). */
  append(value: Buffer): void {
    this.reserve(value.length);
    this.length += value.copy(this.buffer, this.length);
  }

  /** A uuid field from its canonical text (8-4-4-4-12 hex digits) at `from` in `source`. */
  uuid(source: string, from = 0, to = source.length): void {
    if (to - from !== 36) throw new SyntaxError('not a uuid');
    this.reserve(20);
    const { buffer } = this;
    let at = buffer.writeInt32BE(16, this.length);
    let index = from;
    while (index < to) {
      const offset = index - from;
      if (offset === 8 || offset === 13 || offset === 18 || offset === 23) {
        if (source.charCodeAt(index) !== 45) throw new SyntaxError('not a uuid');
        index += 1;
        continue;
      }
      buffer[at++] = (hexValue(source.charCodeAt(index)) << 4) | hexValue(source.charCodeAt(index + 1));
      index += 2;
    }
    this.length = at;
  }

  /** Writes the length of a field whose bytes follow the 4 bytes at `at`, now that they are written. */
  patchLength(at: number): void {
    this.buffer.writeInt32BE(this.length - at - 4, at);
  }

  /** The bytes gathered so far; the chunk starts again empty. */
  take(): Buffer {
    const taken = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(this.buffer.length);
    this.length = 0;
    return taken;
  }
}

/** A hex digit's value (either case). */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 32;
  if (lower >= 97 && lower <= 102) return lower - 87;
  throw new SyntaxError('not a hex digit');
}

/** Writes one field (length and bytes) from the JSON text of a value that is not null. */
type FieldWriter = (out: BinaryChunk, line: string, start: number, end: number) => void;

/** Writes one array element (length and bytes) from its JS value as JSON.parse gives it. */
type ElementWriter = (out: BinaryChunk, value: unknown) => void;

const microsecondsPerDay = 86_400_000_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days-from-civil arithmetic). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** PostgreSQL counts dates and timestamps from 2000-01-01. */
const epoch2000 = daysFromCivil(2000, 1, 1);

type DateTime = { days: number; microseconds: number; zoned: boolean; timed: boolean };

/** The number written by `count` digits from `from`, or -1. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let index = from; index < from + count; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Days from 2000-01-01 to a date, checked. */
function dayNumber(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > 31) throw new SyntaxError('not a date');
  return daysFromCivil(year, month, day) - epoch2000;
}

/** Microseconds from midnight UTC to a time of day at an offset from UTC (seconds), checked. */
function timeOfDay(hour: number, minute: number, second: number, fraction: number, offset: number): number {
  if (hour > 24 || minute > 59 || second > 60) throw new SyntaxError('not a time');
  return (hour * 3600 + minute * 60 + second - offset) * 1_000_000 + fraction;
}

/**
 * `2026-11-27` or `2026-11-27T20:05:09.123456+00:00`, the forms a backup's rows hold (it is written
 * in UTC), read digit by digit from `text` between `from` and `to`; undefined for any other form.
 */
function commonDateTime(text: string, from: number, to: number): DateTime | undefined {
  const length = to - from;
  if (length < 10 || text.charCodeAt(from + 4) !== 45 || text.charCodeAt(from + 7) !== 45) return undefined;
  const year = digitsAt(text, from, 4);
  const month = digitsAt(text, from + 5, 2);
  const day = digitsAt(text, from + 8, 2);
  if (year < 0 || month < 0 || day < 0) return undefined;
  if (length === 10) return { days: dayNumber(year, month, day), microseconds: 0, zoned: false, timed: false };
  const time = from + 10;
  if (text.charCodeAt(time) !== 84 || text.charCodeAt(time + 3) !== 58 || text.charCodeAt(time + 6) !== 58) {
    return undefined;
  }
  const hour = digitsAt(text, time + 1, 2);
  const minute = digitsAt(text, time + 4, 2);
  const second = digitsAt(text, time + 7, 2);
  let at = time + 9;
  let fraction = 0;
  if (text.charCodeAt(at) === 46) {
    const digits = to - 6 - (at + 1);
    if (digits < 1 || digits > 6) return undefined;
    fraction = digitsAt(text, at + 1, digits) * 10 ** (6 - digits);
    at += 1 + digits;
  }
  const sign = text.charCodeAt(at);
  if (to - at !== 6 || (sign !== 43 && sign !== 45) || text.charCodeAt(at + 3) !== 58) return undefined;
  const offset = digitsAt(text, at + 1, 2) * 3600 + digitsAt(text, at + 4, 2) * 60;
  if (hour < 0 || minute < 0 || second < 0 || fraction < 0 || offset < 0) return undefined;
  return {
    days: dayNumber(year, month, day),
    microseconds: timeOfDay(hour, minute, second, fraction, sign === 45 ? -offset : offset),
    zoned: true,
    timed: true,
  };
}

// Any form PostgreSQL writes: `0044-03-15 BC`, `12000-01-01`, offsets with seconds, no offset.
const dateTimePattern =
  /^(\d{4,})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?(?:([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?)?)?( BC)?$/;

function parseDateTime(line: string, start: number, end: number): DateTime {
  const common = line.charCodeAt(start) === 34 ? commonDateTime(line, start + 1, end - 1) : undefined;
  if (common) return common;
  const match = dateTimePattern.exec(stringValue(line, start, end));
  if (!match) throw new SyntaxError('not a date');
  const [, year, month, day, hour, minute, second, fraction, sign, offsetHours, offsetMinutes, offsetSeconds, bc] =
    match;
  const days = dayNumber(bc ? 1 - Number(year) : Number(year), Number(month), Number(day));
  if (hour === undefined) return { days, microseconds: 0, zoned: false, timed: false };
  const offset = sign
    ? (sign === '-' ? -1 : 1) *
      (Number(offsetHours) * 3600 + Number(offsetMinutes ?? 0) * 60 + Number(offsetSeconds ?? 0))
    : undefined;
  const fractionMicroseconds = fraction ? Number(fraction.padEnd(6, '0')) : 0;
  const microseconds = timeOfDay(Number(hour), Number(minute), Number(second), fractionMicroseconds, offset ?? 0);
  return { days, microseconds, zoned: offset !== undefined, timed: true };
}

/** A timestamp as microseconds from 2000-01-01: a number while exact, else a bigint. */
function timestampValue({ days, microseconds }: DateTime): number | bigint {
  const value = days * microsecondsPerDay + microseconds;
  return Number.isSafeInteger(value) ? value : BigInt(days) * BigInt(microsecondsPerDay) + BigInt(microseconds);
}

const int64Max = 2n ** 63n - 1n;
const int32Max = 2 ** 31 - 1;

/** 1 for `"infinity"`, -1 for `"-infinity"`, else 0. */
function infinityOf(line: string, start: number, end: number): number {
  if (end - start === 10 && line.startsWith('"infinity"', start)) return 1;
  if (end - start === 11 && line.startsWith('"-infinity"', start)) return -1;
  return 0;
}

function timestampField(zoned: boolean): FieldWriter {
  return (out, line, start, end) => {
    const infinity = infinityOf(line, start, end);
    out.int32(8);
    if (infinity !== 0) return out.int64(infinity > 0 ? int64Max : -int64Max - 1n);
    const parsed = parseDateTime(line, start, end);
    if (!parsed.timed || parsed.zoned !== zoned) throw new SyntaxError('not a timestamp');
    out.int64(timestampValue(parsed));
  };
}

const dateField: FieldWriter = (out, line, start, end) => {
  const infinity = infinityOf(line, start, end);
  out.int32(4);
  if (infinity !== 0) return out.int32(infinity > 0 ? int32Max : -int32Max - 1);
  const parsed = parseDateTime(line, start, end);
  if (parsed.timed) throw new SyntaxError('not a date');
  out.int32(parsed.days);
};

const integerText = /^-?\d+$/;

/** The JSON number from `start` to `end`, which must be an integer within the bounds. */
function integerOf(line: string, start: number, end: number, bound: number): number {
  const raw = line.slice(start, end);
  if (!integerText.test(raw)) throw new SyntaxError('not an integer');
  const value = Number(raw);
  if (value > bound || value < -bound - 1) throw new SyntaxError('not an integer');
  return value;
}

/** A float as row_to_json writes it: a number, or a string for NaN and the infinities. */
function floatOf(line: string, start: number, end: number): number {
  if (line.charCodeAt(start) !== 34) {
    const value = end > start ? Number(line.slice(start, end)) : Number.NaN;
    if (Number.isNaN(value)) throw new SyntaxError('not a number');
    return value;
  }
  const text = stringValue(line, start, end);
  if (text === 'NaN') return Number.NaN;
  if (text === 'Infinity') return Number.POSITIVE_INFINITY;
  if (text === '-Infinity') return Number.NEGATIVE_INFINITY;
  throw new SyntaxError('not a number');
}

const int8Field: FieldWriter = (out, line, start, end) => {
  const raw = line.slice(start, end);
  if (!integerText.test(raw)) throw new SyntaxError('not an integer');
  const value = Number(raw);
  out.int32(8);
  if (Number.isSafeInteger(value)) return out.int64(value);
  const exact = BigInt(raw);
  if (BigInt.asIntN(64, exact) !== exact) throw new SyntaxError('integer out of range');
  out.int64(exact);
};

function booleanOf(line: string, start: number, end: number): number {
  const raw = line.slice(start, end);
  if (raw === 'true') return 1;
  if (raw === 'false') return 0;
  throw new SyntaxError('not a boolean');
}

const textField: FieldWriter = (out, line, start, end) => out.jsonString(line, start, end);

const fieldWriters: Record<string, FieldWriter> = {
  uuid: (out, line, start, end) => {
    if (line.charCodeAt(start) !== 34) throw new SyntaxError('not a uuid');
    out.uuid(line, start + 1, end - 1);
  },
  text: textField,
  varchar: textField,
  bpchar: textField,
  bool: (out, line, start, end) => {
    out.int32(1);
    out.byte(booleanOf(line, start, end));
  },
  int2: (out, line, start, end) => {
    out.int32(2);
    out.int16(integerOf(line, start, end, 2 ** 15 - 1));
  },
  int4: (out, line, start, end) => {
    out.int32(4);
    out.int32(integerOf(line, start, end, int32Max));
  },
  int8: int8Field,
  float4: (out, line, start, end) => {
    out.int32(4);
    out.float32(floatOf(line, start, end));
  },
  float8: (out, line, start, end) => {
    out.int32(8);
    out.float64(floatOf(line, start, end));
  },
  date: dateField,
  timestamptz: timestampField(true),
  timestamp: timestampField(false),
  // jsonb's binary form is a version byte, then the JSON text; json's is the text.
  jsonb: (out, line, start, end) => out.text(line.slice(start, end), 1),
  json: (out, line, start, end) => out.text(line.slice(start, end)),
  // bytea is written `"\\x0a1b…"`: hex digits after the escaped backslash.
  bytea: (out, line, start, end) => {
    const text = stringValue(line, start, end);
    if (!text.startsWith('\\x') || text.length % 2 !== 0) throw new SyntaxError('not bytea');
    const bytes = Buffer.from(text.slice(2), 'hex');
    if (bytes.length * 2 !== text.length - 2) throw new SyntaxError('not bytea');
    out.bytes(bytes);
  },
};

const elementWriters: Record<string, { oid: number; write: ElementWriter }> = {
  text: { oid: 25, write: (out, value) => out.text(typed(value, 'string')) },
  varchar: { oid: 1043, write: (out, value) => out.text(typed(value, 'string')) },
  uuid: { oid: 2950, write: (out, value) => out.uuid(typed(value, 'string')) },
  bool: {
    oid: 16,
    write: (out, value) => {
      out.int32(1);
      out.byte(typed(value, 'boolean') ? 1 : 0);
    },
  },
  int2: { oid: 21, write: (out, value) => writeInteger(out, value, 2) },
  int4: { oid: 23, write: (out, value) => writeInteger(out, value, 4) },
  // NOTE: no float arrays: JSON.parse would give NaN and the infinities as strings; such a table goes as text.
};

function typed<T extends 'string' | 'boolean'>(value: unknown, type: T): T extends 'string' ? string : boolean {
  if (typeof value !== type) throw new SyntaxError(`not a ${type}`);
  return value as never;
}

function writeInteger(out: BinaryChunk, value: unknown, bytes: 2 | 4): void {
  const bound = bytes === 2 ? 2 ** 15 - 1 : int32Max;
  if (!Number.isInteger(value) || (value as number) > bound || (value as number) < -bound - 1) {
    throw new SyntaxError('not an integer');
  }
  out.int32(bytes);
  if (bytes === 2) out.int16(value as number);
  else out.int32(value as number);
}

/** A rectangular JSON array's dimensions and its elements in order; `[]` has none. */
function flatten(value: unknown): { dimensions: number[]; elements: unknown[] } {
  const dimensions: number[] = [];
  for (let level = value; Array.isArray(level) && level.length > 0; level = level[0]) dimensions.push(level.length);
  const elements: unknown[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth === dimensions.length) {
      if (Array.isArray(node)) throw new SyntaxError('ragged array');
      elements.push(node);
      return;
    }
    if (!Array.isArray(node) || node.length !== dimensions[depth]) throw new SyntaxError('ragged array');
    for (const child of node) walk(child, depth + 1);
  };
  if (!Array.isArray(value)) throw new SyntaxError('not an array');
  if (dimensions.length > 0) walk(value, 0);
  return { dimensions, elements };
}

/** An array field: dimensions (each from 1), whether it holds nulls, the element type, the elements. */
function arrayField(element: { oid: number; write: ElementWriter }): FieldWriter {
  return (out, line, start, end) => {
    const { dimensions, elements } = flatten(JSON.parse(line.slice(start, end)));
    out.int32(0);
    const lengthAt = out.length - 4;
    const hasNull = elements.includes(null);
    out.int32(dimensions.length);
    out.int32(hasNull ? 1 : 0);
    out.int32(element.oid);
    for (const size of dimensions) {
      out.int32(size);
      out.int32(1);
    }
    for (const value of elements) {
      if (value === null) out.int32(-1);
      else element.write(out, value);
    }
    out.patchLength(lengthAt);
  };
}

function writerOf(type: string): FieldWriter | undefined {
  if (type.startsWith('_')) {
    const element = elementWriters[type.slice(1)];
    return element ? arrayField(element) : undefined;
  }
  return fieldWriters[type];
}

/**
 * Writes each row of a table whose columns have these types (pg_type names) as one tuple of
 * COPY's binary format; undefined when a type has no binary writer here, so the table goes as text.
 */
export function binaryRowsOf(
  columns: readonly string[],
  types: readonly string[],
): ((out: BinaryChunk, line: string) => void) | undefined {
  const writers = types.map(writerOf);
  if (writers.some((writer) => !writer)) return undefined;
  const keys = keysOf(columns);
  const fields = writers as FieldWriter[];
  return (out, line) => {
    out.int16(fields.length);
    forEachValue(line, keys, (column, start, end) => {
      if (isNull(line, start, end)) out.int32(-1);
      else (fields[column] as FieldWriter)(out, line, start, end);
    });
  };
}
