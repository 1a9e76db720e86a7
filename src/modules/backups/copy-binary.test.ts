import { describe, expect, it } from 'vitest';
import { BinaryChunk, binaryRowsOf } from './copy-binary';

/** The bytes of one row with one column of this type, holding this JSON text. */
function tuple(type: string, json: string): string {
  const write = binaryRowsOf(['v'], [type]);
  if (!write) throw new Error(`no writer for ${type}`);
  const out = new BinaryChunk();
  write(out, `{"v":${json}}`);
  return out.take().toString('hex');
}

/** A one-field tuple's bytes: the field count, the field's length, its bytes. */
const field = (hex: string) => `0001${(hex.length / 2).toString(16).padStart(8, '0')}${hex}`;

describe('a backup row in COPY binary', () => {
  it('writes uuids, integers, booleans and text as PostgreSQL sends them', () => {
    expect(tuple('uuid', '"01a21d75-c3dd-7703-ae51-bd703cadb60a"')).toBe(field('01a21d75c3dd7703ae51bd703cadb60a'));
    expect(tuple('int4', '-2')).toBe(field('fffffffe'));
    expect(tuple('int2', '258')).toBe(field('0102'));
    // 2^53 + 1 is no JS number: the digits are read exactly.
    expect(tuple('int8', '9007199254740993')).toBe(field('0020000000000001'));
    expect(tuple('int8', '-1')).toBe(field('ffffffffffffffff'));
    expect(tuple('bool', 'true')).toBe(field('01'));
    expect(tuple('text', '"ёж\\t\\"q\\""')).toBe(field(Buffer.from('ёж\t"q"').toString('hex')));
    expect(tuple('text', 'null')).toBe('0001ffffffff');
  });

  it('counts dates and timestamps from 2000-01-01 in days and microseconds, offsets and BC included', () => {
    expect(tuple('date', '"2000-01-02"')).toBe(field('00000001'));
    expect(tuple('date', '"1999-12-31"')).toBe(field('ffffffff'));
    expect(tuple('date', '"infinity"')).toBe(field('7fffffff'));
    expect(tuple('timestamptz', '"2000-01-01T00:00:01.5+00:00"')).toBe(field('000000000016e360'));
    // 03:00 at +03:00 is midnight UTC.
    expect(tuple('timestamptz', '"2000-01-01T03:00:00+03:00"')).toBe(field('0000000000000000'));
    expect(tuple('timestamptz', '"2000-01-01T00:00:00.000001+00:00"')).toBe(field('0000000000000001'));
    expect(tuple('timestamp', '"1999-12-31T23:59:59.999999"')).toBe(field('ffffffffffffffff'));
    expect(tuple('timestamptz', '"-infinity"')).toBe(field('8000000000000000'));
    // 1 BC is year 0: 2000 years and 485 leap days before 2000-01-01.
    expect(tuple('date', '"0001-01-01 BC"')).toBe(field((2 ** 32 - (2000 * 365 + 485)).toString(16)));
  });

  it('writes JSON with jsonb’s version byte, floats as IEEE doubles, bytea as its bytes', () => {
    expect(tuple('jsonb', '{"a":[1,"b"]}')).toBe(field(`01${Buffer.from('{"a":[1,"b"]}').toString('hex')}`));
    expect(tuple('float8', '0.5')).toBe(field('3fe0000000000000'));
    expect(tuple('float8', '"NaN"')).toBe(field('7ff8000000000000'));
    expect(tuple('bytea', '"\\\\x00ff"')).toBe(field('00ff'));
  });

  it('writes arrays with their dimensions, nulls and element type', () => {
    const header = (dimensions: number, nulls: number, oid: string) =>
      `${dimensions.toString(16).padStart(8, '0')}${nulls.toString(16).padStart(8, '0')}${oid}`;
    expect(tuple('_text', '[]')).toBe(field(header(0, 0, '00000019')));
    expect(tuple('_text', '["a",null]')).toBe(
      field([header(1, 1, '00000019'), '00000002', '00000001', '00000001', '61', 'ffffffff'].join('')),
    );
    expect(tuple('_int4', '[[1],[2]]')).toBe(
      field(
        [header(2, 0, '00000017'), '00000002', '00000001', '00000001', '00000001']
          .concat(['00000004', '00000001', '00000004', '00000002'])
          .join(''),
      ),
    );
  });

  it('refuses what the column’s type cannot hold, and has no writer for types it does not know', () => {
    expect(() => tuple('uuid', '"01a21d75-c3dd-7703-ae51-bd703cadb6"')).toThrow(SyntaxError);
    expect(() => tuple('uuid', '"01a21d75xc3dd-7703-ae51-bd703cadb60a"')).toThrow(SyntaxError);
    expect(() => tuple('int4', '2147483648')).toThrow(SyntaxError);
    expect(() => tuple('int8', '9223372036854775808')).toThrow(SyntaxError);
    expect(() => tuple('int4', '1.5')).toThrow(SyntaxError);
    expect(() => tuple('date', '"2026-13-01"')).toThrow(SyntaxError);
    expect(() => tuple('timestamptz', '"2026-11-27"')).toThrow(SyntaxError);
    expect(() => tuple('_int4', '[[1],[2,3]]')).toThrow(SyntaxError);
    expect(() => tuple('bool', '"yes"')).toThrow(SyntaxError);
    expect(binaryRowsOf(['v'], ['tsvector'])).toBeUndefined();
  });
});
