import { NativeSelect, Paper, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../shared/notify';
import { pipelineQuery } from '../opportunities/opportunities-api';
import { dryRunImport, type ImportCheck, type ImportJob, patchImport } from './imports-api';

/**
 * Stages a deals file names that the pipeline does not have: each is mapped to a pipeline stage
 * (kept with the import), and the file is checked again after each choice.
 */
export function StagesPanel({
  job,
  check,
  onChecked,
}: {
  job: ImportJob;
  check: ImportCheck;
  onChecked: (check: ImportCheck) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const pipeline = useQuery({ ...pipelineQuery(), enabled: check.unknownStages.length > 0 });
  const choose = useMutation({
    mutationFn: async (stage: Record<string, string>) => {
      const updated = await patchImport(job.id, { valueMappings: { stage } });
      queryClient.setQueryData(['imports', job.id], updated);
      return dryRunImport(job.id);
    },
    onSuccess: onChecked,
    onError: notifyError,
  });
  if (check.unknownStages.length === 0) return null;
  const chosen = job.valueMappings.stage ?? {};
  const stages = (pipeline.data?.items ?? []).map((stage) => ({
    value: stage.id,
    label: i18n.language === 'ru' ? stage.titleRu : stage.titleEn,
  }));

  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('imports.stages.title', { count: check.unknownStages.length })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('imports.stages.hint')}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.stages.inFile')}</Table.Th>
            <Table.Th w={280}>{t('imports.stages.inAccord')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {check.unknownStages.map((value) => (
            <Table.Tr key={value}>
              <Table.Td>{value}</Table.Td>
              <Table.Td>
                <NativeSelect
                  aria-label={`${t('imports.stages.inAccord')}: ${value}`}
                  value={chosen[value] ?? ''}
                  disabled={choose.isPending}
                  data={[{ value: '', label: t('imports.stages.choose') }, ...stages]}
                  onChange={(event) => {
                    const { [value]: _old, ...rest } = chosen;
                    const stageId = event.currentTarget.value;
                    choose.mutate(stageId ? { ...rest, [value]: stageId } : rest);
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
