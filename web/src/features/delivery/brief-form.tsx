import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { type BriefField, type Currency, type MoneyAnswer, minorToDecimal, parseMoney } from '../../api/shared';
import { notifyError, notifySuccess } from '../../shared/notify';
import { type BriefAnswerValue, briefTemplatesQuery, type ClientRequest, clientWorkApi } from './client-work-api';
import { deliveryKeys } from './delivery-api';

type Drafts = Record<string, string>;

/** An answer as the text its input shows: money as a decimal, links one per line. */
function toText(field: BriefField, value: BriefAnswerValue | undefined): string {
  if (value === undefined) return '';
  if (field.type === 'money') {
    const money = value as MoneyAnswer;
    return minorToDecimal(money.amountMinor, money.currency as Currency);
  }
  if (field.type === 'links') return (value as string[]).join('\n');
  return value as string;
}

/** The text of an input as the answer the API expects; the server checks it by the field's type. */
function toAnswer(field: BriefField, text: string, currency: Currency): unknown {
  if (field.type === 'money') {
    if (!text.trim()) return null;
    return { amountMinor: parseMoney(text, currency) ?? text, currency };
  }
  if (field.type === 'links')
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  return text;
}

/** The request's brief: a template's fields, each with an input of its type, saved as a whole. */
export function BriefForm({ request, canWrite }: { request: ClientRequest; canWrite: boolean }) {
  const { t } = useTranslation();
  const templates = useQuery(briefTemplatesQuery);
  const [templateId, setTemplateId] = useState<string | null>(request.brief?.templateId ?? null);
  const chosen = templateId ?? templates.data?.items[0]?.id ?? null;
  const fields =
    request.brief && request.brief.templateId === chosen
      ? request.brief.fields
      : (templates.data?.items.find((template) => template.id === chosen)?.fields ?? []);
  const [drafts, setDrafts] = useState<Drafts>(() =>
    Object.fromEntries(
      (request.brief?.fields ?? []).map((field) => [field.key, toText(field, request.brief?.answers[field.key])]),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();
  // NOTE: the errors go under their fields, so the global error toast is not wanted here. The
  // success toast is raised here rather than in `mutate`'s callbacks: the refetch that follows
  // may redraw the page, and callbacks of a `mutate` whose component is gone never run.
  const save = useMutation({
    mutationFn: clientWorkApi.fillBrief,
    meta: { handlesErrors: true },
    onSuccess: () => {
      notifySuccess(t('clientWork.brief.saved'));
      return queryClient.invalidateQueries({ queryKey: deliveryKeys.all });
    },
  });
  const currency: Currency = 'RUB';
  const submit = () => {
    setErrors({});
    save.mutate(
      {
        id: request.id,
        version: request.version,
        templateId: chosen ?? '',
        answers: Object.fromEntries(
          fields.map((field) => [field.key, toAnswer(field, drafts[field.key] ?? '', currency)]),
        ),
      },
      {
        onError: (error) => {
          if (!isApiError(error)) return notifyError(error);
          const onFields = error.problem.errors.filter((problem) => problem.path.startsWith('answers.'));
          setErrors(
            Object.fromEntries(onFields.map((problem) => [problem.path.slice('answers.'.length), problem.message])),
          );
          if (onFields.length === 0) notifyError(error);
        },
      },
    );
  };
  const input = (field: BriefField) => {
    const common = {
      label: field.type === 'money' ? t('clientWork.brief.amount', { label: field.label }) : field.label,
      value: drafts[field.key] ?? '',
      onChange: (event: { currentTarget: { value: string } }) => {
        const value = event.currentTarget.value;
        setDrafts((current) => ({ ...current, [field.key]: value }));
      },
      error: errors[field.key],
      required: field.required,
      readOnly: !canWrite,
    };
    if (field.type === 'long_text') return <Textarea key={field.key} {...common} autosize minRows={2} />;
    if (field.type === 'links')
      return (
        <Textarea key={field.key} {...common} description={t('clientWork.brief.linksHint')} autosize minRows={2} />
      );
    if (field.type === 'date') return <TextInput key={field.key} {...common} type="date" />;
    return <TextInput key={field.key} {...common} />;
  };
  return (
    <Stack>
      {!request.brief && <Text c="dimmed">{t('clientWork.brief.none')}</Text>}
      {canWrite && (
        <Select
          label={t('clientWork.brief.template')}
          data={(templates.data?.items ?? []).map((template) => ({ value: template.id, label: template.name }))}
          value={chosen}
          onChange={setTemplateId}
          allowDeselect={false}
        />
      )}
      {fields.map(input)}
      {canWrite && (
        <Group>
          <Button onClick={submit} loading={save.isPending} disabled={!chosen}>
            {t('clientWork.brief.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
