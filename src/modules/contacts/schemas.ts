import { z } from 'zod';
import { listQuerySchema, totalFlag } from '../../platform/list-query';
import { optionalText } from '../../platform/schemas';
import { customValuesInput } from '../custom-fields/schemas';
import { contactMessages } from './messages';

export const messengerKinds = ['telegram', 'whatsapp', 'viber', 'vk', 'skype', 'wechat', 'other'] as const;
export type MessengerKind = (typeof messengerKinds)[number];

const emailsSchema = z
  .array(z.string().trim().toLowerCase().max(254).pipe(z.email()))
  .max(10)
  .transform((emails) => [...new Set(emails)]);

const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .refine(
    (phone) =>
      /^[+\d\s()\-.]+(\s*(ext|доб)\.?\s*\d+)?$/i.test(phone) &&
      (phone.match(/\d/g)?.length ?? 0) >= 5 &&
      (phone.match(/\d/g)?.length ?? 0) <= 20,
    {
      params: { text: contactMessages.phoneFormat },
    },
  );

const messengerSchema = z.strictObject({
  kind: z.enum(messengerKinds),
  handle: z.string().trim().min(1).max(200),
});

const nameFields = {
  firstName: z.string().trim().max(100),
  lastName: z.string().trim().min(1).max(100),
  patronymic: optionalText(100),
};

const detailFields = {
  title: optionalText(200),
  department: optionalText(200),
  emails: emailsSchema,
  phones: z.array(phoneSchema).max(10),
  messengers: z.array(messengerSchema).max(10),
  reportsToId: z.uuid().nullable(),
  notes: optionalText(10_000),
  custom: customValuesInput,
};

export const createContactInput = z.strictObject({
  accountId: z.uuid(),
  ...nameFields,
  firstName: nameFields.firstName.default(''),
  ...detailFields,
  emails: detailFields.emails.default([]),
  phones: detailFields.phones.default([]),
  messengers: detailFields.messengers.default([]),
  reportsToId: detailFields.reportsToId.optional(),
  custom: detailFields.custom.optional(),
});
export type CreateContactInput = z.input<typeof createContactInput>;

export const updateContactInput = z.strictObject({
  accountId: z.uuid().optional(),
  firstName: nameFields.firstName.optional(),
  lastName: nameFields.lastName.optional(),
  patronymic: nameFields.patronymic.optional(),
  title: detailFields.title.optional(),
  department: detailFields.department.optional(),
  emails: detailFields.emails.optional(),
  phones: detailFields.phones.optional(),
  messengers: detailFields.messengers.optional(),
  reportsToId: detailFields.reportsToId.optional(),
  notes: detailFields.notes.optional(),
  custom: detailFields.custom.optional(),
});
export type UpdateContactInput = z.input<typeof updateContactInput>;

export const listContactsQuery = listQuerySchema(['fullName', 'updatedAt', 'createdAt'], 'fullName').extend({
  accountId: z.uuid().optional(),
  total: totalFlag,
});
export type ListContactsQuery = z.input<typeof listContactsQuery>;
