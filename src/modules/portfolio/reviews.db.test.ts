import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, expectProblem } from '../../../tests/support/api-helpers';
import { rate, saveModel, smallModel } from '../../../tests/support/portfolio-helpers';
import { type Json, type SeededWorkspace, useTestApp } from '../../../tests/support/test-app';

const day = 24 * 60 * 60 * 1000;

describe('portfolio reviews', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let rising: Json;
  let steady: Json;
  let first: Json;
  let second: Json;
  const manager = () => workspace.users.manager.api;
  const head = () => workspace.users.head.api;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    rising = await createAccount(manager(), { name: 'Растущий', status: 'active' });
    steady = await createAccount(manager(), { name: 'Стабильный', status: 'active' });
    await createAccount(manager(), { name: 'Без оценок' });
  });

  it('keeps a snapshot of every account under the model it was scored with', async () => {
    const rated = await rate(manager(), rising.id, { volume_potential: 3, profit_potential: 3, share_of_wallet: 2 });
    expect(rated.modelVersion).toBe(0);
    await rate(manager(), steady.id, { volume_potential: 9, share_of_wallet: 9 });
    expectProblem(await manager().post('/api/v1/portfolio/reviews', { name: 'Annual review' }), 403);
    expectProblem(await head().post('/api/v1/portfolio/reviews', {}), 400, ['name']);

    const response = await head().post('/api/v1/portfolio/reviews', { name: 'Annual review 2026', notes: 'First' });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    first = response.body;
    // the built-in default model is stored as version 1 for the review to refer to
    expect(first).toMatchObject({
      name: 'Annual review 2026',
      notes: 'First',
      heldBy: { id: workspace.users.head.id },
      modelVersion: 1,
      accountCount: 3,
      counts: { strategic: 1, star: 0, status: 0, streamline: 1, unscored: 1 },
    });
    expect((await head().get('/api/v1/portfolio/model')).body.version).toBe(1);
    const entries = await t.query('select * from portfolio_review_entries where review_id = $1 order by account_name', [
      first.id,
    ]);
    expect(entries).toHaveLength(3);
    expect(entries.find((entry) => entry.account_name === 'Растущий')).toMatchObject({
      quadrant: 'streamline',
      complete: false,
      inputs: { volume_potential: 3, profit_potential: 3, share_of_wallet: 2 },
    });
  });

  it('shows on the account what changed since the last review', async () => {
    t.clock.advance(180 * day);
    const body = await rate(manager(), rising.id, { volume_potential: 10, profit_potential: 9, share_of_wallet: 5 });
    expect(body.sinceLastReview).toMatchObject({
      review: { id: first.id, name: 'Annual review 2026', modelVersion: 1 },
      before: { quadrant: 'streamline', complete: false },
      changes: [
        { criterion: 'volume_potential', before: 3, after: 10 },
        { criterion: 'profit_potential', before: 3, after: 9 },
        { criterion: 'share_of_wallet', before: 2, after: 5 },
      ],
    });
    expect(body.sinceLastReview.before.attractiveness).toBe(22.2);
    expect(body.attractiveness.score).toBeGreaterThan(80);
  });

  it('compares two reviews: who moved, from where to where, and a tally of transitions', async () => {
    await saveModel(head(), smallModel());
    t.clock.advance(day);
    const response = await head().post('/api/v1/portfolio/reviews', { name: 'Half-year review' });
    second = response.body;
    expect(second.modelVersion).toBe(2);
    expect((await head().get('/api/v1/portfolio/reviews')).body.items.map((review: Json) => review.name)).toEqual([
      'Half-year review',
      'Annual review 2026',
    ]);

    const comparison = await workspace.users.viewer.api.get(
      `/api/v1/portfolio/reviews/compare?from=${first.id}&to=${second.id}`,
    );
    expect(comparison.status).toBe(200);
    expect(comparison.body.from.id).toBe(first.id);
    expect(comparison.body.to.id).toBe(second.id);
    const byAccount = new Map(comparison.body.moves.map((move: Json) => [move.accountId, move]));
    // under the small model the account rates no criterion: unscored now
    expect(byAccount.get(rising.id)).toMatchObject({
      name: 'Растущий',
      from: { quadrant: 'streamline' },
      to: { attractiveness: null, strength: null, quadrant: null },
      quadrantChanged: true,
      distance: null,
    });
    const total = comparison.body.transitions.reduce((sum: number, item: Json) => sum + item.count, 0);
    expect(total).toBe(3);
    expect(comparison.body.transitions).toContainEqual({ from: 'unscored', to: 'unscored', count: 1 });
  });

  it('compares a review with today, and shows a new account as absent before', async () => {
    const newcomer = await createAccount(manager(), { name: 'Новичок' });
    await rate(manager(), newcomer.id, { potential: 9, fit: 9, wallet: 2 });
    await rate(manager(), rising.id, { potential: 8, fit: 8, wallet: 2 });
    const comparison = await head().get(`/api/v1/portfolio/reviews/compare?from=${second.id}`);
    expect(comparison.status, JSON.stringify(comparison.body)).toBe(200);
    expect(comparison.body.to).toBeNull();
    const moves = new Map(comparison.body.moves.map((move: Json) => [move.accountId, move]));
    expect(moves.get(newcomer.id)).toMatchObject({ from: null, to: { quadrant: 'star' }, quadrantChanged: true });
    expect(moves.get(rising.id)).toMatchObject({ from: { quadrant: null }, to: { quadrant: 'star' } });
    expect(comparison.body.moves[0].quadrantChanged).toBe(true);
    expect(comparison.body.transitions).toContainEqual({ from: 'absent', to: 'star', count: 1 });
  });

  it('refuses comparing a review with itself or an unknown one', async () => {
    expectProblem(await head().get(`/api/v1/portfolio/reviews/compare?from=${first.id}&to=${first.id}`), 400, ['to']);
    expectProblem(await head().get('/api/v1/portfolio/reviews/compare?from=00000000-0000-7000-8000-000000000000'), 404);
    const other = await t.seedWorkspace();
    expectProblem(await other.users.head.api.get(`/api/v1/portfolio/reviews/compare?from=${first.id}`), 404);
  });

  it('keeps the reviews as they were when ratings, accounts and the model change', async () => {
    await head().delete(`/api/v1/accounts/${steady.id}`);
    const comparison = await head().get(`/api/v1/portfolio/reviews/compare?from=${first.id}&to=${second.id}`);
    const total = comparison.body.transitions.reduce((sum: number, item: Json) => sum + item.count, 0);
    expect(total).toBe(3);
    const reviews = await head().get('/api/v1/portfolio/reviews');
    expect(reviews.body.items.map((review: Json) => review.modelVersion)).toEqual([2, 1]);
  });
});
