import type { MessengerKind } from '../../api/shared';
import type { CustomField } from '../custom-fields/custom-fields-api';
import { type CustomFormValues, toCustomFormValues, toCustomInput } from '../custom-fields/custom-values';
import type { Contact } from './contacts-api';

export type ContactFormValues = {
  firstName: string;
  lastName: string;
  patronymic: string;
  title: string;
  department: string;
  emails: string[];
  phones: string[];
  messengers: { kind: MessengerKind; handle: string }[];
  reportsToId: string | null;
  notes: string;
  custom: CustomFormValues;
};

const listFields = ['emails', 'phones'] as const;

export function toContactFormValues(
  contact: Contact | undefined,
  definitions: readonly CustomField[],
): ContactFormValues {
  return {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    patronymic: contact?.patronymic ?? '',
    title: contact?.title ?? '',
    department: contact?.department ?? '',
    // NOTE: one empty row invites typing the first e-mail and phone; empty rows are not sent.
    emails: contact?.emails.length ? [...contact.emails] : [''],
    phones: contact?.phones.length ? [...contact.phones] : [''],
    messengers: contact?.messengers.map(({ kind, handle }) => ({ kind, handle })) ?? [],
    reportsToId: contact?.reportsToId ?? null,
    notes: contact?.notes ?? '',
    custom: toCustomFormValues(definitions, contact?.custom ?? {}),
  };
}

/** Positions of the filled rows of each list, to send only those and point errors back at the rows. */
type RowPositions = Record<(typeof listFields)[number], number[]>;

export function toContactInput(
  values: ContactFormValues,
  definitions: readonly CustomField[],
): { input: Record<string, unknown>; positions: RowPositions } {
  const positions: RowPositions = { emails: [], phones: [] };
  const filled = (field: (typeof listFields)[number]) =>
    values[field].filter((item, index) => {
      if (item.trim() === '') return false;
      positions[field].push(index);
      return true;
    });
  const { custom, ...rest } = values;
  const input = {
    ...rest,
    emails: filled('emails'),
    phones: filled('phones'),
    custom: toCustomInput(definitions, custom),
  };
  return { input, positions };
}

/** Turns `emails.1` of the sent list into the path of that row in the form (blank rows were skipped). */
export function toFormPath(path: string, positions: RowPositions): string {
  const [field, index, ...rest] = path.split('.');
  if (field !== 'emails' && field !== 'phones') return path;
  const position = positions[field][Number(index)];
  return position === undefined ? path : [field, position, ...rest].join('.');
}
