import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../tests/support/test-app';

describe('accounts API', () => {
  const t = useTestApp();

  it('creates, reads, lists and finds an account in Russian', async () => {
    const { users } = await t.seedWorkspace();
    const api = users.manager.api;
    const created = await api.post('/api/v1/accounts', {
      name: 'Менеджеры продаж ООО',
      taxId: '7707083893',
      website: 'romashka.ru',
    });
    expect(created.status).toBe(201);
    expect(created.body.domain).toBe('romashka.ru');
    expect(created.headers.get('etag')).toBe('"1"');
    const found = await api.get(`/api/v1/accounts?q=${encodeURIComponent('менеджер')}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
  });
});
