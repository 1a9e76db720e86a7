import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { nominateAccountInput } from '../../api/shared';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { type AccountPortfolio, portfolioModelQuery, useNominate } from './portfolio-api';
import { formatScore } from './portfolio-values';

/** Nominates the account as a key account, warning first when its attractiveness is low or unknown. */
export function NominationModal({
  portfolio,
  opened,
  onClose,
}: {
  portfolio: AccountPortfolio;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const nominate = useNominate();
  const threshold = useQuery(portfolioModelQuery).data?.thresholds.attractiveness ?? 50;
  const score = portfolio.attractiveness.score;
  const form = useForm({
    initialValues: { justification: '' },
    validate: (values) => schemaErrors(nominateAccountInput, { accountId: portfolio.account.id, ...values }),
  });
  const submit = form.onSubmit((values) =>
    nominate.mutate(
      { accountId: portfolio.account.id, justification: values.justification },
      {
        onSuccess: () => {
          notifySuccess(t('portfolio.nomination.done', { name: portfolio.account.name }));
          form.reset();
          onClose();
        },
        onError: (error) => showErrorOnForm(form, error),
      },
    ),
  );
  const warning =
    score === null
      ? t('portfolio.nomination.unknownWarning')
      : score < threshold
        ? t('portfolio.nomination.lowWarning', { score: formatScore(score, i18n.language), threshold })
        : null;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('portfolio.nomination.title', { name: portfolio.account.name })}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {warning && (
            <Alert color="yellow" icon={<IconAlertTriangle />} role="alert">
              {warning}
            </Alert>
          )}
          <Textarea
            label={t('portfolio.nomination.justification')}
            description={t('portfolio.nomination.justificationHint')}
            required
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('justification')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={nominate.isPending}>
              {t('portfolio.nomination.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
