import { Button, Group, NativeSelect, Paper, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping } from '../../api/shared';
import { confirmDanger } from '../../shared/confirm';
import { notifyError, notifySuccess } from '../../shared/notify';
import {
  deletePreset,
  type ImportJob,
  type ImportPatch,
  type ImportPreset,
  importPresetsQuery,
  savePreset,
} from './imports-api';

/** The part of a preset's mapping whose columns this file has. */
function mappingForFile(preset: ImportPreset, job: ImportJob): ColumnMapping {
  const columns = new Set(job.columns.map((column) => column.key));
  return Object.fromEntries(Object.entries(preset.mapping).filter(([column]) => columns.has(column)));
}

/** How many of a preset's columns the file has (a preset fits when it has them all). */
function coverage(preset: ImportPreset, job: ImportJob): { found: number; of: number } {
  return { found: Object.keys(mappingForFile(preset, job)).length, of: Object.keys(preset.mapping).length };
}

/**
 * Saved mappings for this kind of file: apply one (only the columns the file has), save the
 * current mapping under a name, or delete one. A preset that fits every column is offered first.
 */
export function PresetBar({ job, onApply }: { job: ImportJob; onApply: (patch: ImportPatch) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const presets = useQuery(importPresetsQuery);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: importPresetsQuery.queryKey });
  const save = useMutation({
    mutationFn: () => savePreset({ name: name.trim(), kind: job.kind, source: job.source, mapping: job.mapping }),
    onSuccess: (preset) => {
      setName('');
      setNameError(null);
      setChosen(preset.id);
      notifySuccess(t('imports.presets.saved', { name: preset.name }));
      return refresh();
    },
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: (preset: ImportPreset) => deletePreset(preset.id),
    onSuccess: () => {
      setChosen('');
      return refresh();
    },
    onError: notifyError,
  });

  const ofKind = (presets.data?.items ?? [])
    .filter((preset) => preset.kind === job.kind)
    .map((preset) => ({ preset, ...coverage(preset, job) }))
    .sort((a, b) => b.found / b.of - a.found / a.of || a.preset.name.localeCompare(b.preset.name));
  const selected = ofKind.find((item) => item.preset.id === chosen)?.preset;
  const fitting = ofKind.find((item) => item.found === item.of && item.of > 0);
  const apply = (preset: ImportPreset) => {
    onApply({ mapping: mappingForFile(preset, job), source: preset.source });
    notifySuccess(t('imports.presets.applied', { name: preset.name }));
  };
  const trySave = () => {
    if (!name.trim()) {
      setNameError(t('imports.presets.nameRequired'));
      return;
    }
    save.mutate();
  };

  return (
    <Paper withBorder p="md">
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('imports.presets.label')}
          value={chosen}
          onChange={(event) => setChosen(event.currentTarget.value)}
          data={[
            { value: '', label: ofKind.length > 0 ? t('imports.presets.choose') : t('imports.presets.none') },
            ...ofKind.map(({ preset, found, of }) => ({
              value: preset.id,
              label: t('imports.presets.option', { name: preset.name, found, of }),
            })),
          ]}
          disabled={ofKind.length === 0}
          w={320}
        />
        <Button variant="light" disabled={!selected} onClick={() => selected && apply(selected)}>
          {t('imports.presets.apply')}
        </Button>
        <Button
          variant="subtle"
          color="red"
          disabled={!selected}
          loading={remove.isPending}
          onClick={() =>
            selected &&
            confirmDanger({
              title: t('imports.presets.deleteTitle'),
              message: t('imports.presets.deleteMessage', { name: selected.name }),
              confirmLabel: t('imports.presets.delete'),
              onConfirm: () => remove.mutate(selected),
            })
          }
        >
          {t('imports.presets.delete')}
        </Button>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            trySave();
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('imports.presets.name')}
              value={name}
              maxLength={100}
              error={nameError}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setNameError(null);
              }}
            />
            <Button type="submit" variant="default" loading={save.isPending}>
              {t('imports.presets.save')}
            </Button>
          </Group>
        </form>
      </Group>
      {fitting && fitting.preset.id !== chosen && (
        <Group mt="sm" gap="xs">
          <Text size="sm">{t('imports.presets.fits', { name: fitting.preset.name })}</Text>
          <Button size="xs" variant="light" onClick={() => apply(fitting.preset)}>
            {t('imports.presets.apply')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
