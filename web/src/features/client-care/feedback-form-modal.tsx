import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../../api/problem';
import {
  createFeedbackInput,
  type FeedbackKind,
  type FeedbackSeverity,
  type FeedbackSource,
  feedbackKinds,
  feedbackSeverities,
  feedbackSources,
  updateFeedbackInput,
} from '../../api/shared';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useMe } from '../auth/session';
import { membersQuery } from '../members/members-api';
import {
  accountContactsQuery,
  careAccountsQuery,
  careApi,
  type Feedback,
  type FeedbackChange,
  useCareMutation,
} from './care-api';

type FeedbackFormModalProps = {
  opened: boolean;
  onClose: () => void;
  /** The case to edit; without it the form registers one. */
  feedback?: Feedback;
  /** The account a new case is for, when the form is opened on the account's page. */
  accountId?: string;
};

/** Register or edit a complaint or feedback: the first field has the focus, Ctrl+Enter saves, Esc closes. */
export function FeedbackFormModal({ opened, onClose, feedback, accountId }: FeedbackFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={feedback ? t('clientCare.cases.editTitle') : t('clientCare.cases.newTitle')}
    >
      {opened && <FeedbackForm feedback={feedback} accountId={accountId} onClose={onClose} />}
    </Modal>
  );
}

type FormValues = {
  accountId: string;
  kind: FeedbackKind;
  source: FeedbackSource;
  severity: FeedbackSeverity | '';
  description: string;
  ownerId: string;
  contactId: string;
};

function toChange(values: FormValues): FeedbackChange {
  return {
    kind: values.kind,
    source: values.source,
    severity: values.severity || null,
    description: values.description,
    ownerId: values.ownerId,
    contactId: values.contactId || null,
  };
}

function FeedbackForm({ feedback, accountId, onClose }: Omit<FeedbackFormModalProps, 'opened'>) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const accounts = useQuery({ ...careAccountsQuery, enabled: !feedback && !accountId });
  const members = useQuery(membersQuery);
  const form = useForm<FormValues>({
    initialValues: {
      accountId: feedback?.account.id ?? accountId ?? '',
      kind: feedback?.kind ?? 'complaint',
      source: feedback?.source ?? 'call',
      severity: feedback?.severity ?? '',
      description: feedback?.description ?? '',
      ownerId: feedback?.owner.id ?? me.user.id,
      contactId: feedback?.contact?.id ?? '',
    },
    validate: (values) =>
      feedback
        ? schemaErrors(updateFeedbackInput, toChange(values))
        : schemaErrors(createFeedbackInput, { ...toChange(values), accountId: values.accountId }),
  });
  const contacts = useQuery(accountContactsQuery(form.values.accountId || null));
  const create = useCareMutation(careApi.createFeedback);
  const update = useCareMutation(careApi.updateFeedback);

  const submit = form.onSubmit((values) => {
    const onError = (error: unknown) =>
      isStaleVersion(error) ? notifyError(error) : showErrorOnForm(form, error, (path) => path);
    if (feedback) {
      update.mutate(
        { id: feedback.id, version: feedback.version, change: toChange(values) },
        {
          onSuccess: () => {
            notifySuccess(t('clientCare.cases.saved'));
            onClose?.();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      { ...toChange(values), accountId: values.accountId },
      {
        onSuccess: (created) => {
          notifySuccess(t('clientCare.cases.created'));
          onClose?.();
          void navigate({ to: '/feedback/$feedbackId', params: { feedbackId: created.id } });
        },
        onError,
      },
    );
  });
  const submitWithCtrlEnter = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };
  const complaint = form.values.kind === 'complaint' || form.values.kind === 'conflict';

  return (
    <form onSubmit={submit} onKeyDown={submitWithCtrlEnter} noValidate>
      <Stack>
        {!feedback && !accountId && (
          <Select
            label={t('clientCare.cases.account')}
            data={(accounts.data?.items ?? []).map((account) => ({ value: account.id, label: account.name }))}
            searchable
            required
            data-autofocus
            {...form.getInputProps('accountId')}
            onChange={(value) => {
              form.setFieldValue('accountId', value ?? '');
              form.setFieldValue('contactId', '');
            }}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('clientCare.cases.kind')}
            data={feedbackKinds.map((value) => ({ value, label: t(`clientCare.kind.${value}`) }))}
            allowDeselect={false}
            data-autofocus={Boolean(feedback || accountId) || undefined}
            {...form.getInputProps('kind')}
          />
          <Select
            label={t('clientCare.cases.source')}
            data={feedbackSources.map((value) => ({ value, label: t(`clientCare.source.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('source')}
          />
          <Select
            label={t('clientCare.cases.severity')}
            data={feedbackSeverities.map((value) => ({ value, label: t(`clientCare.severity.${value}`) }))}
            required={complaint}
            clearable
            {...form.getInputProps('severity')}
            onChange={(value) => form.setFieldValue('severity', (value as FeedbackSeverity | null) ?? '')}
          />
        </SimpleGrid>
        <Textarea
          label={t('clientCare.cases.description')}
          required
          autosize
          minRows={3}
          {...form.getInputProps('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('clientCare.cases.owner')}
            data={(members.data ?? []).map((member) => ({ value: member.userId, label: member.name }))}
            searchable
            allowDeselect={false}
            {...form.getInputProps('ownerId')}
          />
          <Select
            label={t('clientCare.cases.contact')}
            data={(contacts.data?.items ?? []).map((contact) => ({ value: contact.id, label: contact.fullName }))}
            searchable
            clearable
            {...form.getInputProps('contactId')}
            onChange={(value) => form.setFieldValue('contactId', value ?? '')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {feedback ? t('actions.save') : t('actions.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
