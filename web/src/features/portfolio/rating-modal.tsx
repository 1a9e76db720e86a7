import { Button, Group, Modal, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../../api/problem';
import { currentLanguage } from '../../i18n';
import { ConflictAlert } from '../../shared/conflict-alert';
import { showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import {
  type AccountPortfolio,
  accountPortfolioQuery,
  portfolioModelQuery,
  type RatingChange,
  useRateAccount,
} from './portfolio-api';
import { anchorFor } from './portfolio-values';

type RatingValues = { ratings: { criterion: string; value: number | string; comment: string }[] };

/** Rates the account on every manual criterion of the model, each with a comment; only changes are sent. */
export function RatingModal({
  portfolio,
  opened,
  onClose,
}: {
  portfolio: AccountPortfolio;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('portfolio.rating.title', { name: portfolio.account.name })}
    >
      {opened && (
        <RatingForm
          // NOTE: a fresh form once the ratings were reloaded after a conflict.
          key={portfolio.ratings.map((rating) => `${rating.criterion}:${rating.version}`).join()}
          portfolio={portfolio}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function RatingForm({ portfolio, onClose }: { portfolio: AccountPortfolio; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const model = useQuery(portfolioModelQuery).data;
  const rate = useRateAccount(portfolio.account.id);
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const criteria = [...(model?.attractiveness ?? []), ...(model?.strength ?? [])].filter(
    (criterion) => criterion.source.kind === 'rating',
  );
  const current = new Map(portfolio.ratings.map((rating) => [rating.criterion, rating]));
  const form = useForm<RatingValues>({
    initialValues: {
      ratings: criteria.map((criterion) => ({
        criterion: criterion.key,
        value: current.get(criterion.key)?.value ?? '',
        comment: current.get(criterion.key)?.comment ?? '',
      })),
    },
  });

  const submit = form.onSubmit((values) => {
    const changes: RatingChange[] = values.ratings.flatMap((rating) => {
      const before = current.get(rating.criterion);
      const value = rating.value === '' ? null : Number(rating.value);
      const comment = rating.comment.trim() || null;
      if ((before?.value ?? null) === value && (before?.comment ?? null) === comment) return [];
      if (!before && value === null) return [];
      return [{ criterion: rating.criterion, value, comment, version: before?.version ?? 0 }];
    });
    if (changes.length === 0) {
      onClose();
      return;
    }
    rate.mutate(changes, {
      onSuccess: () => {
        notifySuccess(t('portfolio.rating.saved', { name: portfolio.account.name }));
        onClose();
      },
      onError: (error) => {
        if (isStaleVersion(error)) setConflict(true);
        else
          showErrorOnForm(form, error, (path) => {
            // NOTE: the API names the position in what was sent; the form lists every criterion.
            const [, position, field] = path.split('.');
            const sent = changes[Number(position)];
            const index = values.ratings.findIndex((rating) => rating.criterion === sent?.criterion);
            return `ratings.${index}.${field}`;
          });
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('portfolio.rating.hint')}
        </Text>
        {conflict && (
          <ConflictAlert
            onReload={async () => {
              await queryClient.fetchQuery({ ...accountPortfolioQuery(portfolio.account.id), staleTime: 0 });
              setConflict(false);
            }}
          />
        )}
        {criteria.map((criterion, index) => {
          if (criterion.source.kind !== 'rating') return null;
          const value = form.getValues().ratings[index]?.value;
          const anchor =
            value === '' || value === undefined ? undefined : anchorFor(criterion.source.anchors, Number(value));
          return (
            <Paper key={criterion.key} withBorder p="xs">
              <Group align="flex-start" wrap="nowrap">
                <NumberInput
                  w={200}
                  label={criterion.label[language]}
                  description={`${criterion.source.min}–${criterion.source.max}`}
                  min={criterion.source.min}
                  max={criterion.source.max}
                  allowDecimal={false}
                  clampBehavior="strict"
                  {...form.getInputProps(`ratings.${index}.value`)}
                />
                <Stack gap={4} flex={1}>
                  <TextInput
                    label={t('portfolio.rating.comment')}
                    {...form.getInputProps(`ratings.${index}.comment`)}
                  />
                  <Text size="xs" c="dimmed" mih={16}>
                    {anchor
                      ? t('portfolio.rating.anchor', { value: anchor.value, text: anchor.label[language] })
                      : (criterion.description?.[language] ?? '')}
                  </Text>
                </Stack>
              </Group>
            </Paper>
          );
        })}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={rate.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
