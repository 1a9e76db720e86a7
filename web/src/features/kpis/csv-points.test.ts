import { describe, expect, it } from 'vitest';
import { guessMapping, parseCsv, parseDate, parseNumber, pointsFromRows } from './csv-points';

describe('CSV points', () => {
  it('reads semicolon files with Russian dates and decimal commas, grouped by channel', () => {
    const table = parseCsv('\uFEFFДата;Канал;Значение\n06.01.2025;Яндекс Директ;1 234,5\n13.01.2025;VK Ads;17\n');
    const mapping = guessMapping(table);
    expect(mapping).toEqual({ date: 0, value: 2, dimension: 1 });
    const { groups, errors } = pointsFromRows(table, mapping);
    expect(errors).toEqual([]);
    expect(groups.get('Яндекс Директ')).toEqual([{ at: '2025-01-06', value: 1234.5 }]);
    expect(groups.get('VK Ads')).toEqual([{ at: '2025-01-13', value: 17 }]);
  });

  it('lists the rows it cannot read by their line in the file', () => {
    const table = parseCsv('date,value\n2025-01-06,10\n2025-02-31,11\n2025-01-20,много\n');
    const { groups, errors } = pointsFromRows(table, guessMapping(table));
    expect(groups.get('')).toEqual([{ at: '2025-01-06', value: 10 }]);
    expect(errors).toEqual([
      { line: 3, problem: 'date', text: '2025-02-31' },
      { line: 4, problem: 'value', text: 'много' },
    ]);
  });

  it('reads numbers and dates as people write them', () => {
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('12,5%')).toBe(12.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('')).toBeNull();
    expect(parseDate('2025-01-06T10:00:00Z')).toBe('2025-01-06T10:00:00Z');
    expect(parseDate('1.2.2025')).toBe('2025-02-01');
    expect(parseDate('вчера')).toBeNull();
  });
});
