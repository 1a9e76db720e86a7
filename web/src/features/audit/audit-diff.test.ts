import { describe, expect, it } from 'vitest';
import { diffOf, nameOf, showValue } from './audit-diff';

describe('audit diff', () => {
  it('shows only the fields an update changed, without bookkeeping columns', () => {
    const before = { id: '1', name: 'Ромашка', status: 'active', tags: ['a'], version: 1, updated_at: 'x' };
    const after = { id: '1', name: 'Ромашка', status: 'key', tags: [], version: 2, updated_at: 'y' };
    expect(diffOf('update', before, after)).toEqual([
      { field: 'status', before: 'active', after: 'key' },
      { field: 'tags', before: '["a"]' },
    ]);
  });

  it('shows the filled fields of an insert and of a delete', () => {
    expect(diffOf('insert', null, { name: 'A', notes: null, id: '1' })).toEqual([{ field: 'name', after: 'A' }]);
    expect(diffOf('delete', { name: 'A', tags: [] }, null)).toEqual([{ field: 'name', before: 'A' }]);
  });

  it('names the row and shortens long values', () => {
    expect(nameOf(null, { full_name: 'Иванов Иван' })).toBe('Иванов Иван');
    expect(showValue('x'.repeat(200), 10)).toHaveLength(10);
  });
});
