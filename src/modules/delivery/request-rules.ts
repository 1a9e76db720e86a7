// NOTE: pure rules of client requests and briefs (decision 0016), shared with the web app.

export const requestSources = ['call', 'email', 'messenger', 'meeting', 'portal_form'] as const;
export type RequestSource = (typeof requestSources)[number];
export const requestStatuses = ['new', 'clarifying', 'accepted', 'declined', 'done'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

const nextStatuses: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['clarifying', 'accepted', 'declined'],
  clarifying: ['accepted', 'declined'],
  accepted: ['done'],
  declined: [],
  done: [],
};

/** Whether a request may go from one status to another: new → clarifying → accepted | declined → done. */
export function canMoveRequest(from: RequestStatus, to: RequestStatus): boolean {
  return nextStatuses[from].includes(to);
}

/** The statuses a request may go to next, for the buttons the web app offers. */
export function nextRequestStatuses(from: RequestStatus): readonly RequestStatus[] {
  return nextStatuses[from];
}

export const briefFieldTypes = ['text', 'long_text', 'money', 'date', 'links'] as const;
export type BriefFieldType = (typeof briefFieldTypes)[number];
export type BriefField = { key: string; label: string; type: BriefFieldType; required: boolean };

/** A money answer: minor units of a currency, like every amount in Accord (decision 0014). */
export type MoneyAnswer = { amountMinor: number; currency: string };
export type BriefAnswer = string | string[] | MoneyAnswer;

/** The brief every workspace starts with, in its language. */
export const defaultBriefTemplates: Record<'ru' | 'en', { name: string; fields: BriefField[] }> = {
  ru: {
    name: 'Бриф на проект',
    fields: [
      { key: 'goal', label: 'Цель', type: 'long_text', required: true },
      { key: 'audience', label: 'Целевая аудитория', type: 'long_text', required: false },
      { key: 'budget', label: 'Бюджет', type: 'money', required: false },
      { key: 'deadline', label: 'Срок', type: 'date', required: false },
      { key: 'references', label: 'Референсы', type: 'links', required: false },
      { key: 'competitors', label: 'Конкуренты', type: 'text', required: false },
    ],
  },
  en: {
    name: 'Project brief',
    fields: [
      { key: 'goal', label: 'Goal', type: 'long_text', required: true },
      { key: 'audience', label: 'Audience', type: 'long_text', required: false },
      { key: 'budget', label: 'Budget', type: 'money', required: false },
      { key: 'deadline', label: 'Deadline', type: 'date', required: false },
      { key: 'references', label: 'References', type: 'links', required: false },
      { key: 'competitors', label: 'Competitors', type: 'text', required: false },
    ],
  },
};

/** Why an answer does not fit its field; the caller words it in the reader's language. */
export type BriefAnswerProblem = 'unknown' | 'required' | 'text' | 'tooLong' | 'money' | 'date' | 'links';
export type BriefAnswerIssue = { key: string; label: string; problem: BriefAnswerProblem };

const maxLength: Record<'text' | 'long_text', number> = { text: 2_000, long_text: 20_000 };
const maxMinor = 10 ** 13;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function isRealDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isWebLink(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2000) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function checkAnswer(field: BriefField, value: unknown): BriefAnswerProblem | undefined {
  switch (field.type) {
    case 'text':
    case 'long_text':
      if (typeof value !== 'string') return 'text';
      return value.length > maxLength[field.type] ? 'tooLong' : undefined;
    case 'money': {
      const money = value as Partial<MoneyAnswer> | null;
      const valid =
        typeof money === 'object' &&
        money !== null &&
        Number.isInteger(money.amountMinor) &&
        (money.amountMinor as number) >= 0 &&
        (money.amountMinor as number) <= maxMinor &&
        typeof money.currency === 'string' &&
        /^[A-Z]{3}$/.test(money.currency);
      return valid ? undefined : 'money';
    }
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? undefined : 'date';
    case 'links':
      return Array.isArray(value) && value.length <= 50 && value.every(isWebLink) ? undefined : 'links';
  }
}

/**
 * Checks the client's answers against the brief's fields: each answer by its field's type, the
 * required ones present, no answers to fields the brief does not have. Empty answers are dropped.
 */
export function checkBriefAnswers(
  fields: readonly BriefField[],
  answers: Record<string, unknown>,
): { answers: Record<string, BriefAnswer>; issues: BriefAnswerIssue[] } {
  const issues: BriefAnswerIssue[] = [];
  const kept: Record<string, BriefAnswer> = {};
  const known = new Set(fields.map((field) => field.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) issues.push({ key, label: key, problem: 'unknown' });
  for (const field of fields) {
    const value = answers[field.key];
    if (isEmpty(value)) {
      if (field.required) issues.push({ key: field.key, label: field.label, problem: 'required' });
      continue;
    }
    const problem = checkAnswer(field, typeof value === 'string' ? value.trim() : value);
    if (problem) issues.push({ key: field.key, label: field.label, problem });
    else kept[field.key] = (typeof value === 'string' ? value.trim() : value) as BriefAnswer;
  }
  return { answers: kept, issues };
}
