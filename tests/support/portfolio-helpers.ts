import { expect } from 'vitest';
import type { ApiClient, Json } from './test-app';

const scale = { kind: 'rating', min: 1, max: 10, anchors: [] } as const;
const localized = (en: string, ru: string) => ({ en, ru });

/**
 * A small model whose scores are easy to work out by hand: attractiveness from two ratings
 * (potential counts three times fit), strength from a rating and the number of known contacts
 * (0 → 0, 10 or more → 100).
 */
export function smallModel(overrides: Record<string, unknown> = {}) {
  return {
    attractiveness: [
      { key: 'potential', label: localized('Potential', 'Потенциал'), weight: 3, source: scale },
      { key: 'fit', label: localized('Fit', 'Соответствие'), weight: 1, source: scale },
    ],
    strength: [
      { key: 'wallet', label: localized('Share of wallet', 'Доля кошелька'), weight: 1, source: scale },
      {
        key: 'contacts',
        label: localized('Contacts', 'Контакты'),
        weight: 1,
        source: { kind: 'fact', fact: 'contacts.count', low: 0, high: 10 },
      },
    ],
    thresholds: { attractiveness: 50, strength: 50 },
    postures: {
      strategic: localized('Invest mindshare', 'Вкладывать внимание'),
      star: localized('Invest time and money', 'Вкладывать время и деньги'),
      status: localized('Maintain', 'Поддерживать'),
      streamline: localized('Manage for profit', 'Управлять ради прибыли'),
    },
    keyAccountCap: 100,
    ...overrides,
  };
}

/** Saves a model as the head (or another client) over whatever version is current. */
export async function saveModel(api: ApiClient, model: Json = smallModel()): Promise<Json> {
  const response = await api.request('PUT', '/api/v1/portfolio/model', model);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** Rates an account on several criteria at once; fails the test unless the API answers 200. */
export async function rate(api: ApiClient, accountId: string, values: Record<string, number | null>): Promise<Json> {
  const response = await api.request('PUT', `/api/v1/portfolio/accounts/${accountId}/ratings`, {
    ratings: Object.entries(values).map(([criterion, value]) => ({
      criterion,
      value,
      comment: `${criterion} ${value}`,
    })),
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** Nominates an account; fails the test unless the API answers 201. */
export async function nominate(api: ApiClient, accountId: string): Promise<Json> {
  const response = await api.post('/api/v1/portfolio/designations', {
    accountId,
    justification: 'Large potential in the next three years',
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}
