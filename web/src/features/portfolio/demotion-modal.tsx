import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../../api/problem';
import { demoteAccountInput, demotionStatuses } from '../../api/shared';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifyError, notifySuccess } from '../../shared/notify';
import { type AccountPortfolio, useDemote } from './portfolio-api';

/** Takes a key account back to another status; the reason is required and kept in its history. */
export function DemotionModal({
  portfolio,
  opened,
  onClose,
}: {
  portfolio: AccountPortfolio;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const demote = useDemote(portfolio.account.id);
  const form = useForm({
    initialValues: { reason: '', status: 'active' as string },
    validate: (values) => schemaErrors(demoteAccountInput, values),
  });
  const submit = form.onSubmit((values) =>
    demote.mutate(
      { ...values, version: portfolio.account.version },
      {
        onSuccess: () => {
          notifySuccess(t('portfolio.demotion.done', { name: portfolio.account.name }));
          form.reset();
          onClose();
        },
        onError: (error) => (isStaleVersion(error) ? notifyError(error) : showErrorOnForm(form, error)),
      },
    ),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('portfolio.demotion.title', { name: portfolio.account.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea
            label={t('portfolio.demotion.reason')}
            required
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Select
            label={t('portfolio.demotion.status')}
            data={demotionStatuses.map((status) => ({ value: status, label: t(`accountStatus.${status}`) }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={demote.isPending}>
              {t('portfolio.demotion.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
