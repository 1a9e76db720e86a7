import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Axis, Criterion } from '../../api/shared';
import { currentLanguage } from '../../i18n';
import type { Fact } from './portfolio-api';

export type ModelFormValues = {
  attractiveness: Criterion[];
  strength: Criterion[];
  thresholds: { attractiveness: number; strength: number };
  postures: Record<'strategic' | 'star' | 'status' | 'streamline', { en: string; ru: string }>;
  keyAccountCap: number;
  note: string;
};

type CriterionFieldsProps = {
  form: UseFormReturnType<ModelFormValues>;
  axis: Axis;
  index: number;
  share: number;
  facts: readonly Fact[];
};

/** One criterion of the model: labels, key, weight, and its source — a rating scale with anchors, or data. */
export function CriterionFields({ form, axis, index, share, facts }: CriterionFieldsProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const path = `${axis}.${index}`;
  const criterion = form.getValues()[axis][index] as Criterion;
  const { source } = criterion;
  const fact = source.kind === 'fact' ? facts.find((candidate) => candidate.key === source.fact) : undefined;
  const factOptions = facts.map((candidate) => ({ value: candidate.key, label: candidate.label[language] }));
  if (source.kind === 'fact' && !fact) {
    factOptions.push({ value: source.fact, label: t('portfolio.model.factUnavailable', { key: source.fact }) });
  }
  const switchKind = (kind: string) =>
    form.setFieldValue(
      `${path}.source`,
      kind === 'rating'
        ? { kind: 'rating', min: 1, max: 10, anchors: [] }
        : { kind: 'fact', fact: facts[0]?.key ?? '', low: 0, high: 100 },
    );

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap" gap="sm">
          <TextInput w={220} label={t('portfolio.model.labelEn')} {...form.getInputProps(`${path}.label.en`)} />
          <TextInput w={220} label={t('portfolio.model.labelRu')} {...form.getInputProps(`${path}.label.ru`)} />
          <TextInput w={170} label={t('portfolio.model.key')} ff="monospace" {...form.getInputProps(`${path}.key`)} />
          <NumberInput
            w={120}
            label={t('portfolio.model.weight')}
            description={t('portfolio.model.share', { share })}
            allowNegative
            {...form.getInputProps(`${path}.weight`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mb={4}
            aria-label={t('portfolio.model.removeCriterion')}
            onClick={() => form.removeListItem(axis, index)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
        <Group gap="sm" align="flex-end">
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('portfolio.model.source')}
            </Text>
            <SegmentedControl
              size="xs"
              value={source.kind}
              onChange={switchKind}
              data={[
                { value: 'rating', label: t('portfolio.model.sourceRating') },
                { value: 'fact', label: t('portfolio.model.sourceFact'), disabled: facts.length === 0 },
              ]}
            />
          </Stack>
          {source.kind === 'rating' ? (
            <>
              <NumberInput w={100} label={t('portfolio.model.min')} {...form.getInputProps(`${path}.source.min`)} />
              <NumberInput w={100} label={t('portfolio.model.max')} {...form.getInputProps(`${path}.source.max`)} />
            </>
          ) : (
            <>
              <Select
                w={240}
                label={t('portfolio.model.fact')}
                data={factOptions}
                {...form.getInputProps(`${path}.source.fact`)}
              />
              <NumberInput w={150} label={t('portfolio.model.low')} {...form.getInputProps(`${path}.source.low`)} />
              <NumberInput w={150} label={t('portfolio.model.high')} {...form.getInputProps(`${path}.source.high`)} />
            </>
          )}
        </Group>
        {fact && !fact.higherIsBetter && (
          <Text size="xs" c="dimmed">
            {t('portfolio.model.lowerIsBetter')}
          </Text>
        )}
        {source.kind === 'rating' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('portfolio.model.anchors')}
            </Text>
            {source.anchors.map((_anchor, anchorIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: anchors have no id of their own; their fields are controlled by position
              <Group key={anchorIndex} gap="xs" align="flex-start" wrap="nowrap">
                <NumberInput
                  w={80}
                  aria-label={t('portfolio.model.anchorValue')}
                  {...form.getInputProps(`${path}.source.anchors.${anchorIndex}.value`)}
                />
                <TextInput
                  flex={1}
                  aria-label={t('portfolio.model.anchorEn')}
                  placeholder={t('portfolio.model.anchorEn')}
                  {...form.getInputProps(`${path}.source.anchors.${anchorIndex}.label.en`)}
                />
                <TextInput
                  flex={1}
                  aria-label={t('portfolio.model.anchorRu')}
                  placeholder={t('portfolio.model.anchorRu')}
                  {...form.getInputProps(`${path}.source.anchors.${anchorIndex}.label.ru`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={6}
                  aria-label={t('actions.remove')}
                  onClick={() => form.removeListItem(`${path}.source.anchors`, anchorIndex)}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() =>
                  form.insertListItem(`${path}.source.anchors`, { value: source.max, label: { en: '', ru: '' } })
                }
              >
                {t('portfolio.model.addAnchor')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
