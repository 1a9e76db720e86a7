import { describe, expect, it } from 'vitest';
import { copyLinesOf } from './copy-rows';

const shape = {
  columns: ['id', 'name', 'note', 'amount', 'ratio', 'done', 'phones', 'grid', 'custom', 'label'],
  arrays: new Set(['phones', 'grid']),
  json: new Set(['custom', 'label']),
};

describe('a backup row as a COPY line', () => {
  it('copies numbers as written, escapes text and writes arrays and JSON as PostgreSQL reads them', () => {
    const row = {
      id: '01a21d75-c3dd-7703-ae51-bd703cadb60a',
      name: 'Tab\there, "quoted", back\\slash',
      note: 'line one\nline two\r',
      amount: 9007199254740992,
      ratio: 0.1,
      done: true,
      phones: ['+7 (495) 123-45-67', 'a "b" c\\d', null, 'NULL'],
      grid: [
        [1, 2],
        [3, 4],
      ],
      custom: { 'key\twith tab': ['x', { nested: '"q"' }] },
      label: 'just a string',
    };
    // NOTE: 2^53 + 1 is not a JS number; the line keeps the digits as the file has them.
    const line = JSON.stringify(row).replace('9007199254740992', '9007199254740993');
    const fields = [
      '01a21d75-c3dd-7703-ae51-bd703cadb60a',
      'Tab\\there, "quoted", back\\\\slash',
      'line one\\nline two\\r',
      '9007199254740993',
      '0.1',
      'true',
      '{"+7 (495) 123-45-67","a \\\\"b\\\\" c\\\\\\\\d",NULL,"NULL"}',
      '{{1,2},{3,4}}',
      '{"key\\\\twith tab":["x",{"nested":"\\\\"q\\\\""}]}',
      '"just a string"',
    ];
    expect(copyLinesOf(shape)(line)).toBe(`${fields.join('\t')}\n`);
  });

  it('writes null as \\N and keeps empty text empty', () => {
    const line = JSON.stringify({
      id: 'a',
      name: '',
      note: null,
      amount: null,
      ratio: null,
      done: false,
      phones: [],
      grid: null,
      custom: {},
      label: null,
    });
    expect(copyLinesOf(shape)(line)).toBe('a\t\t\\N\t\\N\t\\N\tfalse\t{}\t\\N\t{}\t\\N\n');
  });

  it('refuses a row whose columns are not the table’s, in its order', () => {
    const copyLine = copyLinesOf({ columns: ['id', 'name'], arrays: new Set(), json: new Set() });
    expect(() => copyLine('{"name":"x","id":"a"}')).toThrow(SyntaxError);
    expect(() => copyLine('{"id":"a"}')).toThrow(SyntaxError);
    expect(() => copyLine('{"id":"a","name":"x","extra":1}')).toThrow(SyntaxError);
    expect(() => copyLine('{"id":"a","name":"x')).toThrow(SyntaxError);
  });
});
