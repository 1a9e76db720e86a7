import { ActionIcon, Button, Group, Input, Select, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { messengerKinds } from '../../api/shared';
import type { ContactFormValues } from './contact-form-values';

type ContactForm = UseFormReturnType<ContactFormValues>;

/** Several e-mails or phones: one input per row, add and remove rows. */
export function StringListInput(props: {
  form: ContactForm;
  field: 'emails' | 'phones';
  label: string;
  addLabel: string;
  type: 'email' | 'tel';
}) {
  const { t } = useTranslation();
  const { form, field } = props;
  return (
    <Input.Wrapper label={props.label} error={form.errors[field]}>
      <Stack gap={6} mt={4}>
        {form.values[field].map((_value, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              flex={1}
              type={props.type}
              aria-label={`${props.label} ${index + 1}`}
              {...form.getInputProps(`${field}.${index}`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('actions.remove')}
              onClick={() => form.removeListItem(field, index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem(field, '')}
          >
            {props.addLabel}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

export function MessengersInput({ form }: { form: ContactForm }) {
  const { t } = useTranslation();
  const kinds = messengerKinds.map((kind) => ({ value: kind, label: t(`messenger.${kind}`) }));
  return (
    <Input.Wrapper label={t('contact.fields.messengers')} error={form.errors.messengers}>
      <Stack gap={6} mt={4}>
        {form.values.messengers.map((_messenger, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <Select
              w={150}
              aria-label={t('contact.form.messengerKind')}
              data={kinds}
              allowDeselect={false}
              {...form.getInputProps(`messengers.${index}.kind`)}
            />
            <TextInput
              flex={1}
              aria-label={t('contact.form.messengerHandle')}
              placeholder="@handle"
              {...form.getInputProps(`messengers.${index}.handle`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('actions.remove')}
              onClick={() => form.removeListItem('messengers', index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('messengers', { kind: 'telegram', handle: '' })}
          >
            {t('contact.form.addMessenger')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
