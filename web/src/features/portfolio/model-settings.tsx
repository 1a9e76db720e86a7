import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaleVersion } from '../../api/problem';
import { axes, quadrants, savePortfolioModelInput } from '../../api/shared';
import { ConflictAlert } from '../../shared/conflict-alert';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { CriterionFields, type ModelFormValues } from './criterion-fields';
import {
  type Fact,
  factsQuery,
  modelVersionsQuery,
  type PortfolioModel,
  portfolioModelQuery,
  useSaveModel,
} from './portfolio-api';
import { weightShares } from './portfolio-values';

function formValuesOf(model: PortfolioModel): ModelFormValues {
  return {
    attractiveness: structuredClone(model.attractiveness),
    strength: structuredClone(model.strength),
    thresholds: { ...model.thresholds },
    postures: structuredClone(model.postures),
    keyAccountCap: model.keyAccountCap,
    note: '',
  };
}

/** The head's settings of the portfolio: criteria and weights, thresholds, postures, cap; each save a new version. */
export function PortfolioModelSettings() {
  const { t } = useTranslation();
  const model = useQuery(portfolioModelQuery);
  const facts = useQuery(factsQuery);
  if (!model.data || !facts.data) {
    return (
      <Center h={200}>
        <Loader aria-label={t('table.loading')} />
      </Center>
    );
  }
  return (
    <Stack gap="md">
      <ModelForm key={model.data.version} model={model.data} facts={facts.data.items} />
      <VersionHistory />
    </Stack>
  );
}

function ModelForm({ model, facts }: { model: PortfolioModel; facts: Fact[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const save = useSaveModel();
  // NOTE: the version the form was opened with: a save over a newer version must answer 412.
  const [version, setVersion] = useState(model.version);
  const [conflict, setConflict] = useState(false);
  const form = useForm<ModelFormValues>({
    initialValues: formValuesOf(model),
    validate: (values) => schemaErrors(savePortfolioModelInput, values),
  });
  const values = form.getValues();

  const submit = form.onSubmit((change) =>
    save.mutate(
      { change, version },
      {
        onSuccess: (saved) => notifySuccess(t('portfolio.model.saved', { version: saved.version })),
        onError: (error) => (isStaleVersion(error) ? setConflict(true) : showErrorOnForm(form, error)),
      },
    ),
  );
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...portfolioModelQuery, staleTime: 0 });
    form.setValues(formValuesOf(fresh));
    setVersion(fresh.version);
    setConflict(false);
  };
  const addCriterion = (axis: (typeof axes)[number]) =>
    form.insertListItem(axis, {
      key: `criterion_${values[axis].length + 1}`,
      label: { en: '', ru: '' },
      description: null,
      weight: 10,
      source: { kind: 'rating', min: 1, max: 10, anchors: [] },
    });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Paper withBorder p="md">
          <Title order={4}>{t('portfolio.model.title')}</Title>
          <Text size="sm" c="dimmed">
            {model.version === 0 || !model.savedAt
              ? t('portfolio.model.defaultVersion')
              : t('portfolio.model.version', {
                  version: model.version,
                  name: model.savedBy?.name ?? '—',
                  date: format.dateTime(model.savedAt),
                })}
          </Text>
          {model.unavailable.length > 0 && (
            <Alert color="orange" variant="light" mt="sm">
              {t('portfolio.model.unavailable', { keys: model.unavailable.join(', ') })}
            </Alert>
          )}
        </Paper>
        {conflict && <ConflictAlert onReload={reload} />}
        {axes.map((axis) => {
          const shares = weightShares(values[axis].map((criterion) => Number(criterion.weight)));
          const axisError = form.errors[axis];
          return (
            <Paper key={axis} withBorder p="md">
              <Stack gap="sm">
                <Group justify="space-between">
                  <Title order={5}>{t(`portfolio.model.${axis}`)}</Title>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => addCriterion(axis)}
                  >
                    {t('portfolio.model.addCriterion')}
                  </Button>
                </Group>
                {axisError && (
                  <Text c="red" size="sm" role="alert">
                    {axisError}
                  </Text>
                )}
                {values[axis].map((_criterion, index) => (
                  <CriterionFields
                    // biome-ignore lint/suspicious/noArrayIndexKey: a criterion's key is edited in place; its fields are controlled by position
                    key={index}
                    form={form}
                    axis={axis}
                    index={index}
                    share={shares[index] ?? 0}
                    facts={facts}
                  />
                ))}
              </Stack>
            </Paper>
          );
        })}
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={5}>{t('portfolio.model.thresholds')}</Title>
            <Group>
              <NumberInput
                w={220}
                label={t('portfolio.model.attractivenessThreshold')}
                min={0}
                max={100}
                {...form.getInputProps('thresholds.attractiveness')}
              />
              <NumberInput
                w={220}
                label={t('portfolio.model.strengthThreshold')}
                min={0}
                max={100}
                {...form.getInputProps('thresholds.strength')}
              />
              <NumberInput
                w={220}
                label={t('portfolio.model.cap')}
                description={t('portfolio.model.capHint', { count: model.keyAccounts })}
                min={1}
                {...form.getInputProps('keyAccountCap')}
              />
            </Group>
            <Title order={5} mt="sm">
              {t('portfolio.model.postures')}
            </Title>
            {quadrants.map((quadrant) => (
              <Group key={quadrant} grow align="flex-start">
                <Textarea
                  autosize
                  minRows={2}
                  label={t('portfolio.model.postureEn', { quadrant: t(`portfolio.quadrant.${quadrant}`) })}
                  {...form.getInputProps(`postures.${quadrant}.en`)}
                />
                <Textarea
                  autosize
                  minRows={2}
                  label={t('portfolio.model.postureRu', { quadrant: t(`portfolio.quadrant.${quadrant}`) })}
                  {...form.getInputProps(`postures.${quadrant}.ru`)}
                />
              </Group>
            ))}
          </Stack>
        </Paper>
        <Group align="flex-end" justify="space-between">
          <TextInput w={420} label={t('portfolio.model.note')} {...form.getInputProps('note')} />
          <Button type="submit" loading={save.isPending}>
            {t('portfolio.model.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VersionHistory() {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useQuery(modelVersionsQuery).data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {t('portfolio.model.history')}
      </Title>
      {versions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('portfolio.model.noHistory')}
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {versions.map((version) => (
              <Table.Tr key={version.version}>
                <Table.Td w={60}>{version.version}</Table.Td>
                <Table.Td w={200}>{version.savedAt ? format.dateTime(version.savedAt) : ''}</Table.Td>
                <Table.Td w={200}>{version.savedBy?.name ?? '—'}</Table.Td>
                <Table.Td>{version.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
