import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

const dayMs = 86_400_000;

describe('interactions and the calendar feed', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;
  let account: Json;
  let buyer: Json;
  let engineer: Json;

  const at = (days: number) => new Date(t.clock.now().getTime() + days * dayMs).toISOString();
  const log = async (input: Record<string, unknown>, client = api) => {
    const response = await client.post('/api/v1/interactions', {
      accountId: account.id,
      kind: 'meeting',
      status: 'held',
      occurredAt: at(-1),
      subject: 'Встреча',
      ...input,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.manager.api;
    account = await createAccount(api, {
      name: 'Хроника',
      team: [{ userId: workspace.users.specialist.id, role: 'specialist' }],
    });
    buyer = await createContact(api, account.id, { lastName: 'Закупова', firstName: 'Ольга' });
    engineer = await createContact(api, account.id, { lastName: 'Инженеров', firstName: 'Пётр' });
  });

  describe('logging', () => {
    it('logs a held negotiation with both sides, an outcome and a next step with owner and due date', async () => {
      const response = await api.post('/api/v1/interactions', {
        accountId: account.id,
        kind: 'negotiation',
        status: 'held',
        occurredAt: at(-2),
        durationMinutes: 90,
        location: 'Офис клиента',
        subject: 'Условия поставки',
        summary: 'Обсудили объёмы',
        outcome: 'Согласны на пилот',
        nextStep: 'Отправить договор',
        nextStepOwnerId: workspace.users.manager.id,
        nextStepDueOn: '2026-12-01',
        contactIds: [buyer.id, engineer.id, buyer.id],
        userIds: [workspace.users.manager.id, workspace.users.specialist.id],
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.headers.get('location')).toBe(`/api/v1/interactions/${response.body.id}`);
      expect(response.body).toMatchObject({
        kind: 'negotiation',
        status: 'held',
        occurredAt: at(-2),
        durationMinutes: 90,
        nextStepDueOn: '2026-12-01',
        nextStepDone: false,
        nextStepOwner: { id: workspace.users.manager.id, name: workspace.users.manager.name },
        createdById: workspace.users.manager.id,
        version: 1,
      });
      expect(response.body.contacts.map((person: Json) => person.fullName)).toEqual([
        'Закупова Ольга',
        'Инженеров Пётр',
      ]);
      expect(response.body.users).toHaveLength(2);
      expect((await api.get(`/api/v1/interactions/${response.body.id}`)).body).toEqual(response.body);
      const audit = await t.query(
        `select count(*)::int as count from audit_log where entity = 'interaction_contacts' and after->>'interaction_id' = $1`,
        [response.body.id],
      );
      expect(audit[0]?.count).toBe(2);
    });

    it('refuses what cannot be: held in the future, strangers on either side, a next step without words', async () => {
      const base = { accountId: account.id, kind: 'call', status: 'held', occurredAt: at(-1), subject: 'Звонок' };
      expectProblem(await api.post('/api/v1/interactions', { ...base, occurredAt: at(2) }), 422, ['occurredAt']);
      const stranger = await createContact(api, (await createAccount(api, { name: 'Чужие' })).id);
      expectProblem(await api.post('/api/v1/interactions', { ...base, contactIds: [buyer.id, stranger.id] }), 422, [
        'contactIds.1',
      ]);
      expectProblem(
        await api.post('/api/v1/interactions', { ...base, userIds: ['0190a0e0-0000-7000-8000-000000000000'] }),
        422,
        ['userIds.0'],
      );
      expectProblem(await api.post('/api/v1/interactions', { ...base, nextStepDueOn: '2026-12-01' }), 400, [
        'nextStep',
      ]);
      expectProblem(
        await api.post('/api/v1/interactions', { ...base, kind: 'lunch', occurredAt: 'yesterday', subject: '' }),
        400,
        ['kind', 'occurredAt', 'subject'],
      );
      expectProblem(
        await api.post('/api/v1/interactions', {
          ...base,
          occurredAt: '0000-01-01T00:00:00Z',
          nextStep: 'x',
          nextStepDueOn: '9999-12-31',
        }),
        400,
        ['occurredAt', 'nextStepDueOn'],
      );
      expectProblem(
        await api.post('/api/v1/interactions', { ...base, accountId: '0190a0e0-0000-7000-8000-000000000000' }),
        404,
      );
    });

    it('marks a planned meeting held, which makes the person fresh, and clears a next step with its owner', async () => {
      const person = await createContact(api, account.id, { lastName: 'Свежий' });
      const planned = await log({
        status: 'planned',
        occurredAt: at(3),
        contactIds: [person.id],
        nextStep: 'Позвонить',
        nextStepOwnerId: workspace.users.manager.id,
      });
      expect((await api.get(`/api/v1/contacts/${person.id}/stakeholder`)).body).toMatchObject({
        lastHeldAt: null,
        freshnessDays: null,
      });
      expectProblem(
        await api.patch(`/api/v1/interactions/${planned.id}`, { status: 'held' }, { 'if-match': '"1"' }),
        422,
        ['occurredAt'],
      );
      const held = await api.patch(
        `/api/v1/interactions/${planned.id}`,
        { status: 'held', occurredAt: at(-5), outcome: 'Договорились' },
        { 'if-match': '"1"' },
      );
      expect(held.status, JSON.stringify(held.body)).toBe(200);
      expect(held.body).toMatchObject({ status: 'held', outcome: 'Договорились', version: 2 });
      expect((await api.get(`/api/v1/contacts/${person.id}/stakeholder`)).body).toMatchObject({
        lastHeldAt: at(-5),
        freshnessDays: 5,
      });
      t.clock.advance(10 * dayMs);
      try {
        expect((await api.get(`/api/v1/contacts/${person.id}/stakeholder`)).body.freshnessDays).toBe(15);
      } finally {
        t.clock.advance(-10 * dayMs);
      }
      const cleared = await api.patch(`/api/v1/interactions/${planned.id}`, { nextStep: null });
      expect(cleared.body).toMatchObject({ nextStep: null, nextStepOwnerId: null, nextStepOwner: null });
      expectProblem(
        await api.patch(`/api/v1/interactions/${planned.id}`, { nextStepOwnerId: workspace.users.manager.id }),
        422,
        ['nextStep'],
      );
      expectProblem(
        await api.patch(`/api/v1/interactions/${planned.id}`, { subject: 'x' }, { 'if-match': '"1"' }),
        412,
      );
    });

    it('replaces the participants when lists are given, and keeps someone who has since moved account', async () => {
      const mover = await createContact(api, account.id, { lastName: 'Переезжающий' });
      const interaction = await log({ contactIds: [mover.id, buyer.id] });
      const elsewhere = await createAccount(api, { name: 'Новое место' });
      expect((await api.patch(`/api/v1/contacts/${mover.id}`, { accountId: elsewhere.id })).status).toBe(200);
      const kept = await api.patch(`/api/v1/interactions/${interaction.id}`, { contactIds: [mover.id] });
      expect(kept.status, JSON.stringify(kept.body)).toBe(200);
      expect(kept.body.contacts.map((person: Json) => person.id)).toEqual([mover.id]);
      expectProblem(
        await api.patch(`/api/v1/interactions/${interaction.id}`, {
          contactIds: [mover.id, (await createContact(api, elsewhere.id)).id],
        }),
        422,
        ['contactIds.1'],
      );
    });

    it('deletes an interaction and its participation', async () => {
      const interaction = await log({ contactIds: [engineer.id] });
      expectProblem(await api.delete(`/api/v1/interactions/${interaction.id}`, { 'if-match': '"7"' }), 412);
      expect((await api.delete(`/api/v1/interactions/${interaction.id}`)).status).toBe(204);
      expectProblem(await api.get(`/api/v1/interactions/${interaction.id}`), 404);
      const rows = await t.query('select count(*)::int as count from interaction_contacts where interaction_id = $1', [
        interaction.id,
      ]);
      expect(rows[0]?.count).toBe(0);
    });
  });

  describe('the account timeline', () => {
    let timelineAccount: Json;
    let person: Json;

    beforeAll(async () => {
      timelineAccount = await createAccount(api, { name: 'Лента' });
      person = await createContact(api, timelineAccount.id, { lastName: 'Участник' });
      const entries: [string, string, number][] = [
        ['call', 'held', -30],
        ['email', 'held', -20],
        ['meeting', 'held', -10],
        ['presentation', 'planned', 5],
        ['note', 'held', -1],
        ['messenger', 'held', -40],
      ];
      for (const [index, [kind, status, days]] of entries.entries()) {
        await log({
          accountId: timelineAccount.id,
          kind,
          status,
          occurredAt: at(days),
          subject: `${kind} ${index}`,
          contactIds: kind === 'meeting' || kind === 'call' ? [person.id] : [],
          userIds: kind === 'email' ? [workspace.users.head.id] : [],
        });
      }
    });

    const subjects = async (query = '') => {
      const response = await api.get(`/api/v1/accounts/${timelineAccount.id}/interactions${query}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.items.map((item: Json) => item.subject);
    };

    it('shows the newest first, planned ones ahead', async () => {
      expect(await subjects()).toEqual(['presentation 3', 'note 4', 'meeting 2', 'email 1', 'call 0', 'messenger 5']);
      expect(await subjects('?sort=occurredAt&limit=2')).toEqual(['messenger 5', 'call 0']);
    });

    it('filters by kind, status, participant on either side and words', async () => {
      expect(await subjects('?kind=call,email')).toEqual(['email 1', 'call 0']);
      expect(await subjects('?status=planned')).toEqual(['presentation 3']);
      expect(await subjects(`?contactId=${person.id}`)).toEqual(['meeting 2', 'call 0']);
      expect(await subjects(`?userId=${workspace.users.head.id}`)).toEqual(['email 1']);
      expect(await subjects('?q=NOTE')).toEqual(['note 4']);
      expectProblem(await api.get(`/api/v1/accounts/${timelineAccount.id}/interactions?kind=lunch`), 400, ['kind.0']);
    });

    it('pages with cursors', async () => {
      const first = await api.get(`/api/v1/accounts/${timelineAccount.id}/interactions?limit=4`);
      expect(first.body.items).toHaveLength(4);
      const second = await api.get(
        `/api/v1/accounts/${timelineAccount.id}/interactions?limit=4&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      );
      expect(second.body.items.map((item: Json) => item.subject)).toEqual(['call 0', 'messenger 5']);
      expect(second.body.nextCursor).toBeNull();
    });
  });

  describe('roles', () => {
    it('lets a specialist log interactions on the accounts they work on, and nowhere else', async () => {
      const specialist = workspace.users.specialist.api;
      const own = await log({ contactIds: [buyer.id], userIds: [workspace.users.specialist.id] }, specialist);
      expect(own.createdById).toBe(workspace.users.specialist.id);
      const foreign = await createAccount(api, { name: 'Не его' });
      expectProblem(
        await specialist.post('/api/v1/interactions', {
          accountId: foreign.id,
          kind: 'call',
          status: 'held',
          occurredAt: at(-1),
          subject: 'Нельзя',
        }),
        404,
      );
      const hidden = await log({ accountId: foreign.id });
      expectProblem(await specialist.get(`/api/v1/interactions/${hidden.id}`), 404);
      expectProblem(await specialist.patch(`/api/v1/interactions/${hidden.id}`, { subject: 'Взлом' }), 404);
      expectProblem(await specialist.get(`/api/v1/accounts/${foreign.id}/interactions`), 404);
    });

    it('lets viewers and finance read the timeline but not log', async () => {
      for (const role of ['viewer', 'finance'] as const) {
        const client = workspace.users[role].api;
        expect((await client.get(`/api/v1/accounts/${account.id}/interactions`)).status).toBe(200);
        expectProblem(
          await client.post('/api/v1/interactions', {
            accountId: account.id,
            kind: 'call',
            status: 'held',
            occurredAt: at(-1),
            subject: 'Нельзя',
          }),
          403,
        );
      }
    });
  });

  describe('calendar feed', () => {
    const feedAccount = () => account;
    let meeting: Json;
    let stepSource: Json;

    beforeAll(async () => {
      meeting = await log({
        kind: 'presentation',
        status: 'planned',
        occurredAt: '2026-12-03T10:30:00.000Z',
        durationMinutes: 45,
        location: 'Москва, ул. Тверская, 1',
        subject: 'Презентация, пилот; итоги',
        summary: 'Показать результаты',
        contactIds: [buyer.id],
        userIds: [workspace.users.manager.id],
      });
      stepSource = await log({
        subject: 'Разговор о бюджете',
        nextStep: 'Прислать КП',
        nextStepOwnerId: workspace.users.manager.id,
        nextStepDueOn: '2026-12-05',
      });
      await log({
        subject: 'Чужая встреча',
        status: 'planned',
        occurredAt: at(4),
        userIds: [workspace.users.head.id],
      });
      await log({
        subject: 'Сделано',
        nextStep: 'Уже сделали',
        nextStepOwnerId: workspace.users.manager.id,
        nextStepDueOn: '2026-12-04',
        nextStepDone: true,
      });
    });

    const readFeed = (path: string) => t.anonymous.get(path);

    it('serves the member’s planned meetings and open next steps as valid iCalendar, without signing in', async () => {
      expect((await api.get('/api/v1/calendar-feed')).body).toEqual({
        active: false,
        createdAt: null,
        lastReadAt: null,
      });
      const created = await api.post('/api/v1/calendar-feed');
      expect(created.status).toBe(201);
      expect(created.body.path).toBe(`/api/v1/calendar-feeds/${created.body.token}.ics`);
      expect(created.body.url).toMatch(/^http:\/\/localhost\/api\/v1\/calendar-feeds\/cal_[\w-]+\.ics$/);

      const response = await readFeed(created.body.path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const text = response.body as string;
      expect(text).toContain('\r\n');
      const calendar = new ICAL.Component(ICAL.parse(text));
      expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
        `Accord: ${(await api.get('/api/v1/workspace')).body.name}`,
      );
      const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
      const uids = events.map((event) => event.uid);
      expect(uids).toEqual(
        expect.arrayContaining([`interaction-${meeting.id}@accord`, `next-step-${stepSource.id}@accord`]),
      );
      // Someone else's meeting, and a next step already done, stay out.
      expect(events.map((event) => event.summary).join()).not.toMatch(/Чужая встреча|Уже сделали/);
      expect(uids.every((uid) => /^(interaction|next-step)-[0-9a-f-]{36}@accord$/.test(uid))).toBe(true);
      const presentation = events.find((event) => event.uid.startsWith('interaction-')) as ICAL.Event;
      expect(presentation.summary).toBe('Презентация, пилот; итоги · Хроника');
      expect(presentation.location).toBe('Москва, ул. Тверская, 1');
      expect(presentation.startDate.toJSDate().toISOString()).toBe('2026-12-03T10:30:00.000Z');
      expect(presentation.endDate.toJSDate().toISOString()).toBe('2026-12-03T11:15:00.000Z');
      expect(presentation.description).toContain('Customer: Закупова Ольга');
      const step = events.find((event) => event.uid === `next-step-${stepSource.id}@accord`) as ICAL.Event;
      expect(step.summary).toBe('Next step: Прислать КП · Хроника');
      expect(step.startDate.isDate).toBe(true);
      expect(step.startDate.toString()).toBe('2026-12-05');
      expect(step.endDate.toString()).toBe('2026-12-06');

      const status = await api.get('/api/v1/calendar-feed');
      expect(status.body).toMatchObject({ active: true, lastReadAt: t.clock.now().toISOString() });
    });

    it('speaks the member’s language and follows changes', async () => {
      await api.patch('/api/v1/me', { locale: 'ru' });
      const created = await api.post('/api/v1/calendar-feed');
      await api.patch(`/api/v1/interactions/${meeting.id}`, { status: 'held', occurredAt: at(-1) });
      const calendar = new ICAL.Component(ICAL.parse((await readFeed(created.body.path)).body));
      const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
      const summaries = events.map((event) => event.summary);
      expect(summaries).toContain('Следующий шаг: Прислать КП · Хроника');
      expect(summaries.join()).not.toContain('Презентация');
      await api.patch('/api/v1/me', { locale: 'en' });
    });

    it('stops working when rotated or turned off, and for someone who left the workspace', async () => {
      const old = await api.post('/api/v1/calendar-feed');
      const fresh = await api.post('/api/v1/calendar-feed');
      expectProblem(await readFeed(old.body.path), 404);
      expect((await readFeed(fresh.body.path)).status).toBe(200);
      expectProblem(await readFeed('/api/v1/calendar-feeds/cal_nothing.ics'), 404);
      expectProblem(await readFeed(`/api/v1/calendar-feeds/${fresh.body.token}.txt`), 404);
      expect((await api.delete('/api/v1/calendar-feed')).status).toBe(204);
      expectProblem(await readFeed(fresh.body.path), 404);

      const leaving = await workspace.users.finance.api.post('/api/v1/calendar-feed');
      expect((await readFeed(leaving.body.path)).status).toBe(200);
      const removed = await workspace.users.admin.api.delete(`/api/v1/members/${workspace.users.finance.id}`);
      expect(removed.status, JSON.stringify(removed.body)).toBe(204);
      expectProblem(await readFeed(leaving.body.path), 404);
      expect(feedAccount().id).toBeDefined();
    });

    it('shows a specialist only meetings on the accounts they work on', async () => {
      const specialist = workspace.users.specialist;
      const hiddenAccount = await createAccount(api, { name: 'Скрытый' });
      await log({
        accountId: hiddenAccount.id,
        status: 'planned',
        occurredAt: at(2),
        subject: 'Скрыто',
        userIds: [specialist.id],
      });
      await log({ status: 'planned', occurredAt: at(2), subject: 'Видно', userIds: [specialist.id] });
      const created = await specialist.api.post('/api/v1/calendar-feed');
      const calendar = new ICAL.Component(ICAL.parse((await readFeed(created.body.path)).body));
      const summaries = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component).summary);
      expect(summaries).toContain('Видно · Хроника');
      expect(summaries.join()).not.toContain('Скрыто');
    });
  });
});
