import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createSurveyResultInput } from '../../api/shared';
import { confirmDanger } from '../../shared/confirm';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { localDay } from '../../shared/local-day';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { accountContactsQuery, careApi, type SurveyResult, surveysQuery, useCareMutation } from './care-api';

type SurveyValues = { surveyedOn: string; nps: number | ''; csat: number | ''; contactId: string; comment: string };

const today = () => localDay();

/** The account's NPS and mean CSAT, its survey answers, and a form to enter one. */
export function SurveysPanel({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const canWrite = useCan('delivery:write');
  const surveys = useQuery(surveysQuery(accountId));
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<SurveyResult | null>(null);
  const remove = useCareMutation(careApi.deleteSurveyResult);
  const summary = surveys.data?.summary;
  const none = t('clientCare.surveys.none');
  const askToDelete = (item: SurveyResult) =>
    confirmDanger({
      title: t('clientCare.surveys.deleteTitle'),
      message: t('clientCare.surveys.deleteText', { date: format.calendarDate(item.surveyedOn) }),
      confirmLabel: t('clientCare.surveys.deleteAnswer'),
      onConfirm: () =>
        remove.mutate(item.id, {
          onSuccess: () => notifySuccess(t('clientCare.surveys.deleted')),
          onError: (error) => notifyError(error),
        }),
    });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('clientCare.surveys.title')}</Title>
          {canWrite && !adding && !editing && (
            <Button variant="light" onClick={() => setAdding(true)}>
              {t('clientCare.surveys.add')}
            </Button>
          )}
        </Group>
        {summary && (
          <Group gap="xl">
            <Text fw={500}>
              {t('clientCare.surveys.accountNps', { value: summary.nps ?? none, count: summary.npsAnswers })}
            </Text>
            <Text fw={500}>
              {t('clientCare.surveys.accountCsat', {
                value: summary.csatMean === null ? none : summary.csatMean.toLocaleString(i18n.language),
                count: summary.csatAnswers,
              })}
            </Text>
          </Group>
        )}
        {adding && <SurveyForm accountId={accountId} onClose={() => setAdding(false)} />}
        {editing && (
          <SurveyForm key={editing.id} accountId={accountId} answer={editing} onClose={() => setEditing(null)} />
        )}
        {surveys.data && surveys.data.items.length === 0 && <Text c="dimmed">{t('clientCare.surveys.empty')}</Text>}
        {surveys.data && surveys.data.items.length > 0 && (
          <Table aria-label={t('clientCare.surveys.title')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clientCare.surveys.date')}</Table.Th>
                <Table.Th>{t('clientCare.surveys.contact')}</Table.Th>
                <Table.Th>NPS</Table.Th>
                <Table.Th>CSAT</Table.Th>
                <Table.Th>{t('clientCare.surveys.comment')}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {surveys.data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{format.calendarDate(item.surveyedOn)}</Table.Td>
                  <Table.Td>{item.contact?.name ?? none}</Table.Td>
                  <Table.Td>{item.nps ?? none}</Table.Td>
                  <Table.Td>{item.csat ?? none}</Table.Td>
                  <Table.Td>{item.comment}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          aria-label={t('clientCare.surveys.edit')}
                          onClick={() => {
                            setAdding(false);
                            setEditing(item);
                          }}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="sm"
                          aria-label={t('clientCare.surveys.deleteAnswer')}
                          onClick={() => askToDelete(item)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

/** Enters a new answer, or corrects `answer` (sending its version, so a stale form gets 412). */
function SurveyForm({ accountId, answer, onClose }: { accountId: string; answer?: SurveyResult; onClose: () => void }) {
  const { t } = useTranslation();
  const contacts = useQuery(accountContactsQuery(accountId));
  const create = useCareMutation(careApi.createSurveyResult);
  const update = useCareMutation(careApi.updateSurveyResult);
  const toInput = (values: SurveyValues) => ({
    accountId,
    surveyedOn: values.surveyedOn,
    nps: values.nps === '' ? null : values.nps,
    csat: values.csat === '' ? null : values.csat,
    contactId: values.contactId || null,
    comment: values.comment || null,
  });
  const form = useForm<SurveyValues>({
    initialValues: answer
      ? {
          surveyedOn: answer.surveyedOn,
          nps: answer.nps ?? '',
          csat: answer.csat ?? '',
          contactId: answer.contact?.id ?? '',
          comment: answer.comment ?? '',
        }
      : { surveyedOn: today(), nps: '', csat: '', contactId: '', comment: '' },
    validate: (values) => schemaErrors(createSurveyResultInput, toInput(values)),
  });
  const submit = form.onSubmit((values) => {
    const input = toInput(values);
    const { accountId: _account, ...change } = input;
    const saved = answer
      ? update.mutateAsync({ id: answer.id, version: answer.version, change })
      : create.mutateAsync(input);
    saved.then(
      () => {
        notifySuccess(t(answer ? 'clientCare.surveys.updated' : 'clientCare.surveys.added'));
        onClose();
      },
      (error) => showErrorOnForm(form, error),
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t(answer ? 'clientCare.surveys.edit' : 'clientCare.surveys.add')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput type="date" label={t('clientCare.surveys.date')} required {...form.getInputProps('surveyedOn')} />
          <NumberInput
            label={t('clientCare.surveys.nps')}
            min={0}
            max={10}
            allowDecimal={false}
            data-autofocus
            {...form.getInputProps('nps')}
          />
          <NumberInput
            label={t('clientCare.surveys.csat')}
            min={1}
            max={5}
            allowDecimal={false}
            {...form.getInputProps('csat')}
          />
          <Select
            label={t('clientCare.surveys.contact')}
            data={(contacts.data?.items ?? []).map((contact) => ({ value: contact.id, label: contact.fullName }))}
            searchable
            clearable
            {...form.getInputProps('contactId')}
            onChange={(value) => form.setFieldValue('contactId', value ?? '')}
          />
        </SimpleGrid>
        <Textarea label={t('clientCare.surveys.comment')} autosize {...form.getInputProps('comment')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
