import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { maxStaleAfterDays, updateRelationshipSettingsInput } from '../../api/shared';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { relationshipSettingsQuery, useSaveRelationshipSettings } from './relationships-api';

/** The workspace's relationship-map settings: after how many days a key player counts as not contacted. */
export function RelationshipSettingsPanel() {
  const { t } = useTranslation();
  const settings = useQuery(relationshipSettingsQuery).data;
  return (
    <Paper withBorder p="md" maw={560}>
      <Stack>
        <Title order={3}>{t('relationshipSettings.title')}</Title>
        {settings && <SettingsForm key={settings.version} settings={settings} />}
      </Stack>
    </Paper>
  );
}

function SettingsForm({ settings }: { settings: { staleAfterDays: number; version: number } }) {
  const { t } = useTranslation();
  const save = useSaveRelationshipSettings();
  const form = useForm<{ staleAfterDays: number | '' }>({
    initialValues: { staleAfterDays: settings.staleAfterDays },
    validate: (values) => schemaErrors(updateRelationshipSettingsInput, values),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate(
          { version: settings.version, staleAfterDays: Number(values.staleAfterDays) },
          {
            onSuccess: () => notifySuccess(t('relationshipSettings.saved')),
            onError: (error) => showErrorOnForm(form, error),
          },
        ),
      )}
    >
      <Stack gap="sm">
        <NumberInput
          label={t('relationshipSettings.staleAfterDays')}
          min={1}
          max={maxStaleAfterDays}
          allowDecimal={false}
          {...form.getInputProps('staleAfterDays')}
        />
        <Text size="xs" c="dimmed">
          {t('relationshipSettings.hint')}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
