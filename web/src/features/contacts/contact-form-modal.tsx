import {
  Button,
  Center,
  Divider,
  Group,
  Loader,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../../api/problem';
import { createContactInput, updateContactInput } from '../../api/shared';
import { currentLanguage } from '../../i18n';
import { ConflictAlert } from '../../shared/conflict-alert';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { CustomFieldInputs } from '../custom-fields/custom-field-inputs';
import { type CustomField, customFieldsQuery } from '../custom-fields/custom-fields-api';
import { missingRequiredFields } from '../custom-fields/custom-values';
import { toContactFormValues, toContactInput, toFormPath } from './contact-form-values';
import { MessengersInput, StringListInput } from './contact-list-inputs';
import { accountContactsQuery, type Contact, contactQuery, useSaveContact } from './contacts-api';

type ContactFormModalProps = {
  opened: boolean;
  onClose: () => void;
  accountId: string;
  /** The contact to edit; without it the form adds one to the account. */
  contact?: Contact;
  onSaved?: (contact: Contact) => void;
};

export function ContactFormModal({ opened, onClose, accountId, contact, onSaved }: ContactFormModalProps) {
  const { t } = useTranslation();
  const definitions = useQuery(customFieldsQuery('contact'));
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={contact ? t('contact.form.editTitle', { name: contact.fullName }) : t('contact.form.newTitle')}
    >
      {definitions.isSuccess ? (
        <ContactForm
          accountId={accountId}
          contact={contact}
          definitions={definitions.data}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : (
        <Center h={200}>
          <Loader aria-label={t('table.loading')} />
        </Center>
      )}
    </Modal>
  );
}

function ContactForm(props: Omit<ContactFormModalProps, 'opened'> & { definitions: CustomField[] }) {
  const { accountId, contact, definitions, onClose, onSaved } = props;
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const colleagues = useQuery(accountContactsQuery(accountId)).data ?? [];
  // NOTE: the version the form was opened with; see the account form.
  const [version, setVersion] = useState(contact?.version);
  const [conflict, setConflict] = useState(false);
  const save = useSaveContact();
  const form = useForm({
    initialValues: toContactFormValues(contact, definitions),
    validate: (values) => {
      const { input, positions } = toContactInput(values, definitions);
      const schema = contact ? updateContactInput : createContactInput;
      const errors = {
        ...schemaErrors(schema, contact ? input : { ...input, accountId }),
        ...missingRequiredFields(
          definitions,
          input.custom as Record<string, unknown>,
          (label) => t('customFields.requiredMessage', { label }),
          currentLanguage(),
        ),
      };
      return Object.fromEntries(Object.entries(errors).map(([path, text]) => [toFormPath(path, positions), text]));
    },
  });
  const reportsToOptions = colleagues
    .filter((colleague) => colleague.id !== contact?.id)
    .map((colleague) => ({ value: colleague.id, label: colleague.fullName }));

  const submit = form.onSubmit((values) => {
    const { input, positions } = toContactInput(values, definitions);
    save.mutate(contact ? { id: contact.id, version, change: input } : { change: { ...input, accountId } }, {
      onSuccess: (saved) => {
        notifySuccess(t('contact.form.saved', { name: saved.fullName }));
        onClose();
        onSaved?.(saved);
      },
      onError: (error) =>
        isStaleVersion(error) ? setConflict(true) : showErrorOnForm(form, error, (path) => toFormPath(path, positions)),
    });
  });

  const reload = async () => {
    if (!contact) return;
    const fresh = await queryClient.fetchQuery({ ...contactQuery(contact.id), staleTime: 0 });
    form.setValues(toContactFormValues(fresh, definitions));
    form.resetDirty();
    setVersion(fresh.version);
    setConflict(false);
  };

  const submitWithCtrlEnter = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };

  return (
    <form onSubmit={submit} onKeyDown={submitWithCtrlEnter} noValidate>
      <Stack>
        {conflict && <ConflictAlert onReload={reload} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('contact.fields.lastName')} required data-autofocus {...form.getInputProps('lastName')} />
          <TextInput label={t('contact.fields.firstName')} {...form.getInputProps('firstName')} />
          <TextInput label={t('contact.fields.patronymic')} {...form.getInputProps('patronymic')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('contact.fields.title')} {...form.getInputProps('title')} />
          <TextInput label={t('contact.fields.department')} {...form.getInputProps('department')} />
          <StringListInput
            form={form}
            field="emails"
            type="email"
            label={t('contact.fields.emails')}
            addLabel={t('contact.form.addEmail')}
          />
          <StringListInput
            form={form}
            field="phones"
            type="tel"
            label={t('contact.fields.phones')}
            addLabel={t('contact.form.addPhone')}
          />
        </SimpleGrid>
        <MessengersInput form={form} />
        <Select
          label={t('contact.fields.reportsTo')}
          data={reportsToOptions}
          searchable
          clearable
          {...form.getInputProps('reportsToId')}
        />
        <Textarea label={t('contact.fields.notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
        {definitions.length > 0 && (
          <>
            <Divider label={t('contact.customFields')} labelPosition="left" />
            <CustomFieldInputs definitions={definitions} form={form} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {contact ? t('actions.save') : t('actions.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
