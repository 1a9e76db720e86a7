import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import { rate, saveModel, smallModel } from '../../../tests/support/portfolio-helpers';
import { type Json, type SeededWorkspace, useTestApp } from '../../../tests/support/test-app';

describe('portfolio scores and ratings', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let account: Json;
  const manager = () => workspace.users.manager.api;
  const head = () => workspace.users.head.api;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    await saveModel(head());
    account = await createAccount(manager(), { name: 'Северсталь', industry: 'Металлургия' });
    for (const lastName of ['Иванов', 'Петров', 'Сидоров', 'Кузнецов'])
      await createContact(manager(), account.id, { lastName });
  });

  it('shows an unrated account as incomplete, naming what is missing, never as zero', async () => {
    const response = await workspace.users.viewer.api.get(`/api/v1/portfolio/accounts/${account.id}`);
    expect(response.status).toBe(200);
    expect(response.body.attractiveness).toEqual({
      score: null,
      complete: false,
      missing: ['potential', 'fit'],
      contributions: [
        { key: 'potential', share: 0.75, input: null, value: null, points: null },
        { key: 'fit', share: 0.25, input: null, value: null, points: null },
      ],
    });
    // the contact count is known (4 of 10 → 40), the rating is not: a provisional 40
    expect(response.body.strength).toMatchObject({ score: 40, complete: false, missing: ['wallet'] });
    expect(response.body.quadrant).toBeNull();
    expect(response.body.posture).toBeNull();
    expect(response.body.may).toEqual({ rate: false, nominate: false, decide: false });
  });

  it('scores the owner’s ratings, explains each criterion, and places the account in a quadrant', async () => {
    const body = await rate(manager(), account.id, { potential: 10, fit: 1, wallet: 4 });
    expect(body.attractiveness).toEqual({
      score: 75,
      complete: true,
      missing: [],
      contributions: [
        { key: 'potential', share: 0.75, input: 10, value: 100, points: 75 },
        { key: 'fit', share: 0.25, input: 1, value: 0, points: 0 },
      ],
    });
    expect(body.strength.score).toBe(36.7);
    expect(body.strength.contributions.map((part: { points: number }) => part.points)).toEqual([16.7, 20]);
    expect(body.quadrant).toBe('star');
    expect(body.posture).toBe('Invest time and money');
    expect(body.ratings).toEqual([
      expect.objectContaining({ criterion: 'fit', value: 1, comment: 'fit 1', version: 1 }),
      expect.objectContaining({
        criterion: 'potential',
        value: 10,
        ratedBy: { id: workspace.users.manager.id, name: workspace.users.manager.name },
      }),
      expect.objectContaining({ criterion: 'wallet', value: 4 }),
    ]);
    expect(body.may).toEqual({ rate: true, nominate: true, decide: false });
    const russian = await manager().inLanguage('ru').get(`/api/v1/portfolio/accounts/${account.id}`);
    expect(russian.body.posture).toBe('Вкладывать время и деньги');
  });

  it('moves the account to another quadrant when a rating rises', async () => {
    const body = await rate(manager(), account.id, { wallet: 10 });
    expect(body.strength.score).toBe(70);
    expect(body.quadrant).toBe('strategic');
    const portfolio = await manager().get('/api/v1/portfolio');
    expect(portfolio.body.items.find((row: { id: string }) => row.id === account.id)).toMatchObject({
      attractiveness: 75,
      strength: 70,
      quadrant: 'strategic',
      complete: true,
    });
  });

  it('takes a rating back with null, and refuses a stale one with 412', async () => {
    const current = (await manager().get(`/api/v1/portfolio/accounts/${account.id}`)).body;
    const fit = current.ratings.find((rating: { criterion: string }) => rating.criterion === 'fit');
    const stale = await manager().request('PUT', `/api/v1/portfolio/accounts/${account.id}/ratings`, {
      ratings: [{ criterion: 'fit', value: 3, version: fit.version + 1 }],
    });
    expectProblem(stale, 412);
    const newOne = await manager().request('PUT', `/api/v1/portfolio/accounts/${account.id}/ratings`, {
      ratings: [{ criterion: 'fit', value: 3, version: 0 }],
    });
    expectProblem(newOne, 412);
    const cleared = await rate(manager(), account.id, { fit: null });
    expect(cleared.attractiveness).toMatchObject({ score: 100, complete: false, missing: ['fit'] });
    await rate(manager(), account.id, { fit: 1 });
  });

  it('checks each rating against the model, naming the field', async () => {
    const response = await manager().request('PUT', `/api/v1/portfolio/accounts/${account.id}/ratings`, {
      ratings: [
        { criterion: 'potential', value: 11 },
        { criterion: 'contacts', value: 3 },
        { criterion: 'nonsense', value: 3 },
      ],
    });
    expectProblem(response, 400, ['ratings.0.value', 'ratings.1.criterion', 'ratings.2.criterion']);
    expect(errorAt(response, 'ratings.0.value')).toBe('The rating must be a whole number from 1 to 10.');
    const duplicate = await manager().request('PUT', `/api/v1/portfolio/accounts/${account.id}/ratings`, {
      ratings: [
        { criterion: 'potential', value: 2 },
        { criterion: 'potential', value: 3 },
      ],
    });
    expectProblem(duplicate, 400, ['ratings']);
  });

  it('lets a manager rate only the accounts they own or work on; the head rates any', async () => {
    const others = await createAccount(head(), { name: 'Чужой' });
    const refused = await manager().request('PUT', `/api/v1/portfolio/accounts/${others.id}/ratings`, {
      ratings: [{ criterion: 'potential', value: 5 }],
    });
    expect(expectProblem(refused, 403).detail).toMatch(/only the accounts you own/);
    expectProblem(
      await workspace.users.viewer.api.request('PUT', `/api/v1/portfolio/accounts/${others.id}/ratings`, {
        ratings: [{ criterion: 'potential', value: 5 }],
      }),
      403,
    );
    await rate(head(), others.id, { potential: 2 });
    const team = await head().patch(`/api/v1/accounts/${others.id}`, {
      team: [{ userId: workspace.users.manager.id, role: 'manager' }],
    });
    expect(team.status).toBe(200);
    await rate(manager(), others.id, { potential: 3 });
    expectProblem(await manager().get(`/api/v1/portfolio/accounts/00000000-0000-7000-8000-000000000000`), 404);
  });

  it('serves the whole portfolio with filters, tallies and bubble sizes', async () => {
    const prospect = await createAccount(manager(), { name: 'Потенциал', status: 'prospect', industry: 'Ритейл' });
    await rate(manager(), prospect.id, { potential: 2, fit: 2, wallet: 1 });
    const all = await workspace.users.viewer.api.get('/api/v1/portfolio?size=fact:contacts.count');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ modelVersion: 1, thresholds: { attractiveness: 50, strength: 50 } });
    expect(all.body.total).toBe(all.body.items.length);
    const row = all.body.items.find((item: { id: string }) => item.id === account.id);
    expect(row).toMatchObject({ name: 'Северсталь', ownerId: workspace.users.manager.id, size: 4, missingCount: 0 });
    const prospectRow = all.body.items.find((item: { id: string }) => item.id === prospect.id);
    expect(prospectRow).toMatchObject({ quadrant: 'streamline', complete: false, missingCount: 1, size: null });
    const { counts } = all.body;
    expect(counts.strategic + counts.star + counts.status + counts.streamline + counts.unscored).toBe(all.body.total);
    expect(all.body.owners).toEqual(
      expect.arrayContaining([{ id: workspace.users.manager.id, name: workspace.users.manager.name }]),
    );

    const filtered = await manager().get(`/api/v1/portfolio?status=prospect&industry=${encodeURIComponent('Ритейл')}`);
    expect(filtered.body.items.map((item: { id: string }) => item.id)).toEqual([prospect.id]);
    const byCriterion = await manager().get(
      `/api/v1/portfolio?size=criterion:potential&ownerId=${workspace.users.manager.id}`,
    );
    expect(byCriterion.body.items.find((item: { id: string }) => item.id === account.id).size).toBe(10);
    expectProblem(await manager().get('/api/v1/portfolio?size=fact:finance.revenue'), 400, ['size']);
    expectProblem(await manager().get('/api/v1/portfolio?status=vip'), 400, ['status.0']);
  });

  it('shows a specialist only the accounts they work on', async () => {
    const specialist = workspace.users.specialist;
    const theirs = await createAccount(head(), {
      name: 'Специальный',
      team: [{ userId: specialist.id, role: 'specialist' }],
    });
    const response = await specialist.api.get('/api/v1/portfolio');
    expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([theirs.id]);
    expectProblem(await specialist.api.get(`/api/v1/portfolio/accounts/${account.id}`), 404);
  });

  it('exports the portfolio as CSV in the reader’s language', async () => {
    const response = await manager().inLanguage('ru').get('/api/v1/portfolio/export?keyOnly=false');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // NOTE: a UTF-8 byte-order mark first, so spreadsheet programs read the Cyrillic right.
    const raw = await t.app.request('/api/v1/portfolio/export', {
      headers: { authorization: `Bearer ${manager().auth.token}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = (response.body as string).trim().split('\n');
    expect(header).toBe(
      'Аккаунт,Ответственный,Статус,Отрасль,Привлекательность,Сила отношений,Квадрант,Оценка полная,Не хватает критериев',
    );
    expect(lines.find((line) => line.startsWith('Северсталь'))).toBe(
      `Северсталь,${workspace.users.manager.name},Потенциальный,Металлургия,75,70,Стратегический,да,`,
    );
  });

  it('keeps a spreadsheet formula in a name as text', async () => {
    await createAccount(manager(), { name: '=HYPERLINK("x")' });
    const text = (await manager().get('/api/v1/portfolio/export')).body as string;
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('reuses fact values on the matrix for a minute, while the account page reads them afresh', async () => {
    const before = await manager().get('/api/v1/portfolio?size=fact:contacts.count');
    const size = before.body.items.find((item: { id: string }) => item.id === account.id).size;
    await createContact(manager(), account.id, { lastName: 'Новиков' });
    const soon = await manager().get('/api/v1/portfolio?size=fact:contacts.count');
    expect(soon.body.items.find((item: { id: string }) => item.id === account.id).size).toBe(size);
    const page = await manager().get(`/api/v1/portfolio/accounts/${account.id}`);
    expect(page.body.strength.contributions[1].input).toBe(size + 1);
    t.clock.advance(61_000);
    const later = await manager().get('/api/v1/portfolio?size=fact:contacts.count');
    expect(later.body.items.find((item: { id: string }) => item.id === account.id).size).toBe(size + 1);
  });

  it('shows a change of an account on the matrix at once', async () => {
    const other = await createAccount(manager(), { name: 'Переименуемый' });
    await manager().get('/api/v1/portfolio');
    await manager().patch(`/api/v1/accounts/${other.id}`, { name: 'Переименованный', status: 'active' });
    const renamed = await manager().get('/api/v1/portfolio?status=active');
    expect(renamed.body.items.find((item: { id: string }) => item.id === other.id)).toMatchObject({
      name: 'Переименованный',
      status: 'active',
    });
    await head().delete(`/api/v1/accounts/${other.id}`);
    const after = await manager().get('/api/v1/portfolio');
    expect(after.body.items.map((item: { id: string }) => item.id)).not.toContain(other.id);
  });

  it('serves the same request afresh after a rating or the model changes', async () => {
    const rowOf = async () =>
      (await head().get('/api/v1/portfolio')).body.items.find((row: { id: string }) => row.id === account.id);
    const before = await rowOf();
    await rate(manager(), account.id, { wallet: 2 });
    const rated = await rowOf();
    expect(rated.strength).toBeLessThan(before.strength);
    await rate(manager(), account.id, { wallet: null });
    expect(await rowOf()).toMatchObject({ complete: false, missingCount: 1 });
    await rate(manager(), account.id, { wallet: 10 });
    expect(await rowOf()).toEqual(before);
    const thresholds = { attractiveness: 80, strength: 80 };
    const saved = await saveModel(head(), smallModel({ thresholds }));
    const portfolio = (await head().get('/api/v1/portfolio')).body;
    expect(portfolio).toMatchObject({ modelVersion: saved.version, thresholds });
    expect(portfolio.items.find((row: { id: string }) => row.id === account.id).quadrant).toBe('streamline');
  });
});
