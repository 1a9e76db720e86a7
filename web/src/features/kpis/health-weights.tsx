import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type HealthFactorKey, healthFactorKeys } from '../../api/shared';
import { notifyError, notifySuccess } from '../../shared/notify';
import { type HealthSettings, healthSettingsQuery, useSaveHealthSettings } from './kpi-settings-api';

/** The workspace's weights of the health factors, each with its share of the score when every factor has data. */
export function HealthWeights() {
  const settings = useQuery(healthSettingsQuery).data;
  // NOTE: the form starts from the saved weights and saves against the latest version it was given.
  return settings ? <HealthWeightsForm settings={settings} /> : null;
}

function HealthWeightsForm({ settings }: { settings: HealthSettings }) {
  const { t, i18n } = useTranslation();
  const [weights, setWeights] = useState<Record<HealthFactorKey, number>>(settings.weights);
  const save = useSaveHealthSettings();
  const total = healthFactorKeys.reduce((sum, key) => sum + weights[key], 0);
  const share = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <Paper withBorder p="md" data-testid="health-weights">
      <Stack gap="sm">
        <Title order={3}>{t('kpis.health.settings.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('kpis.health.settings.hint')}
        </Text>
        <Table>
          <Table.Tbody>
            {healthFactorKeys.map((key) => (
              <Table.Tr key={key}>
                <Table.Td>{t(`kpis.health.factors.${key}`)}</Table.Td>
                <Table.Td w={140}>
                  <NumberInput
                    aria-label={t(`kpis.health.factors.${key}`)}
                    min={0}
                    max={100}
                    value={weights[key]}
                    onChange={(value) => setWeights({ ...weights, [key]: typeof value === 'number' ? value : 0 })}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {t('kpis.health.settings.share', {
                      share: share.format(total > 0 ? (weights[key] / total) * 100 : 0),
                    })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { weights, version: settings.version },
                { onSuccess: () => notifySuccess(t('kpis.health.settings.saved')), onError: notifyError },
              )
            }
          >
            {t('kpis.health.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
