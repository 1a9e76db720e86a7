import { NativeSelect, Paper, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../shared/notify';
import { membersQuery } from '../members/members-api';
import { pipelineQuery } from '../opportunities/opportunities-api';
import { dryRunImport, type ImportCheck, type ImportJob, patchImport, type ValueMappings } from './imports-api';

type Field = keyof ValueMappings;
type Option = { value: string; label: string };

/**
 * Values of the file Accord does not know, each mapped by hand to one of Accord's own (kept with
 * the import); the file is checked again after each choice. The other field's choices are kept.
 */
function ValueChoices({
  field,
  values,
  options,
  empty,
  job,
  onChecked,
}: {
  field: Field;
  values: string[];
  options: Option[];
  /** What an unchosen value means. */
  empty: string;
  job: ImportJob;
  onChecked: (check: ImportCheck) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const choose = useMutation({
    mutationFn: async (choices: Record<string, string>) => {
      const updated = await patchImport(job.id, { valueMappings: { ...job.valueMappings, [field]: choices } });
      queryClient.setQueryData(['imports', job.id], updated);
      return dryRunImport(job.id);
    },
    onSuccess: onChecked,
    onError: notifyError,
  });
  const chosen = job.valueMappings[field] ?? {};
  const words = field === 'stage' ? 'imports.stages' : 'imports.owners';

  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t(`${words}.title`, { count: values.length })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`${words}.hint`)}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`${words}.inFile`)}</Table.Th>
            <Table.Th w={280}>{t(`${words}.inAccord`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {values.map((value) => (
            <Table.Tr key={value}>
              <Table.Td>{value}</Table.Td>
              <Table.Td>
                <NativeSelect
                  aria-label={`${t(`${words}.inAccord`)}: ${value}`}
                  value={chosen[value] ?? ''}
                  disabled={choose.isPending}
                  data={[{ value: '', label: empty }, ...options]}
                  onChange={(event) => {
                    const { [value]: _old, ...rest } = chosen;
                    const choice = event.currentTarget.value;
                    choose.mutate(choice ? { ...rest, [value]: choice } : rest);
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Stages of a deals file that the pipeline does not have, each mapped to a pipeline stage. */
export function StagesPanel({ job, check, onChecked }: PanelProps) {
  const { t, i18n } = useTranslation();
  const pipeline = useQuery({ ...pipelineQuery(), enabled: check.unknownStages.length > 0 });
  if (check.unknownStages.length === 0) return null;
  const stages = (pipeline.data?.items ?? []).map((stage) => ({
    value: stage.id,
    label: i18n.language === 'ru' ? stage.titleRu : stage.titleEn,
  }));
  return (
    <ValueChoices
      field="stage"
      values={check.unknownStages}
      options={stages}
      empty={t('imports.stages.choose')}
      job={job}
      onChecked={onChecked}
    />
  );
}

/** Owners of the file no member matches, each mapped to a member (or left to the importer). */
export function OwnersPanel({ job, check, onChecked }: PanelProps) {
  const { t } = useTranslation();
  const members = useQuery({ ...membersQuery, enabled: check.unknownOwners.length > 0 });
  if (check.unknownOwners.length === 0) return null;
  const people = (members.data ?? []).map((member) => ({
    value: member.userId,
    label: `${member.name} · ${member.email}`,
  }));
  return (
    <ValueChoices
      field="owner"
      values={check.unknownOwners}
      options={people}
      empty={t('imports.owners.importer')}
      job={job}
      onChecked={onChecked}
    />
  );
}

type PanelProps = { job: ImportJob; check: ImportCheck; onChecked: (check: ImportCheck) => void };
