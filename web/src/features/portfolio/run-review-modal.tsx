import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { runReviewInput } from '../../api/shared';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { type Review, useRunReview } from './portfolio-api';

/** Names and runs a portfolio review: the snapshot of every account's scores under today's model. */
export function RunReviewModal({
  opened,
  onClose,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  onDone: (review: Review) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useRunReview();
  const form = useForm({
    initialValues: {
      name: t('portfolio.reviews.defaultName', { date: format.date(new Date().toISOString()) }),
      notes: '',
    },
    validate: (values) => schemaErrors(runReviewInput, values),
  });
  const submit = form.onSubmit((values) =>
    run.mutate(
      { name: values.name, notes: values.notes || null },
      {
        onSuccess: (review) => {
          notifySuccess(t('portfolio.reviews.done', { name: review.name }));
          onClose();
          onDone(review);
        },
        onError: (error) => showErrorOnForm(form, error),
      },
    ),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('portfolio.reviews.runTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('portfolio.reviews.runHint')}
          </Text>
          <TextInput label={t('portfolio.reviews.name')} required data-autofocus {...form.getInputProps('name')} />
          <Textarea label={t('portfolio.reviews.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={run.isPending}>
              {t('portfolio.reviews.run')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
