import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  accountFields,
  type ColumnMapping,
  contactFields,
  delimiters,
  fileFormats,
  type ImportField,
  type ImportKind,
  importKinds,
  importSources,
  interactionFields,
  kpiPointFields,
  opportunityFields,
  textEncodings,
} from '../../api/shared';
import { notifyError } from '../../shared/notify';
import { previewValue, problemText } from './import-labels';
import {
  dryRunImport,
  type ImportCheck,
  type ImportJob,
  type ImportPatch,
  importPreviewQuery,
  patchImport,
} from './imports-api';
import { PresetBar } from './preset-bar';

const fieldsByKind: Record<ImportKind, readonly ImportField[]> = {
  accounts: accountFields,
  contacts: contactFields,
  opportunities: opportunityFields,
  interactions: interactionFields,
  kpiPoints: kpiPointFields,
};

/** Step 2: how the file was read (correctable), which column goes where, and a preview. */
export function MappingStep({ job, onChecked }: { job: ImportJob; onChecked: (check: ImportCheck) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const preview = useQuery(importPreviewQuery(job.id, job.version));
  const patch = useMutation({
    mutationFn: (change: ImportPatch) => patchImport(job.id, change),
    onSuccess: (updated) => queryClient.setQueryData(['imports', job.id], updated),
    onError: notifyError,
  });
  const check = useMutation({ mutationFn: () => dryRunImport(job.id), onSuccess: onChecked, onError: notifyError });
  const fields = fieldsByKind[job.kind];
  const firstRow = preview.data?.rows[0]?.cells ?? [];
  const setField = (columnKey: string, field: string) => {
    const { [columnKey]: _old, ...rest } = job.mapping;
    const mapping: ColumnMapping = field ? { ...rest, [columnKey]: field as ImportField } : rest;
    patch.mutate({ mapping });
  };
  const mappedFields = Object.values(job.mapping);

  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('imports.detected')} · {t('imports.rows', { count: job.totalRows })}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 5 }}>
          <NativeSelect
            label={t('imports.kind')}
            value={job.kind}
            data={importKinds.map((value) => ({ value, label: t(`imports.kinds.${value}`) }))}
            onChange={(event) => patch.mutate({ kind: event.currentTarget.value as ImportPatch['kind'] })}
          />
          <NativeSelect
            label={t('imports.source')}
            value={job.source}
            data={importSources.map((value) => ({ value, label: t(`imports.sources.${value}`) }))}
            onChange={(event) => patch.mutate({ source: event.currentTarget.value as ImportPatch['source'] })}
          />
          <NativeSelect
            label={t('imports.format')}
            value={job.format}
            data={fileFormats.map((value) => ({ value, label: t(`imports.fileFormats.${value}`) }))}
            onChange={(event) => patch.mutate({ format: event.currentTarget.value as ImportPatch['format'] })}
          />
          <NativeSelect
            label={t('imports.encoding')}
            value={job.encoding ?? ''}
            disabled={job.format === 'xlsx'}
            data={textEncodings.map((value) => ({ value, label: t(`imports.encodings.${value}`) }))}
            onChange={(event) => patch.mutate({ encoding: event.currentTarget.value as ImportPatch['encoding'] })}
          />
          <NativeSelect
            label={t('imports.delimiter')}
            value={job.delimiter ?? ''}
            disabled={job.format !== 'csv'}
            data={delimiters.map((value) => ({ value, label: t(`imports.delimiters.${value}`) }))}
            onChange={(event) => patch.mutate({ delimiter: event.currentTarget.value as ImportPatch['delimiter'] })}
          />
        </SimpleGrid>
      </Paper>
      <PresetBar job={job} onApply={(change) => patch.mutate(change)} />
      <Paper withBorder>
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.column')}</Table.Th>
                <Table.Th>{t('imports.sample')}</Table.Th>
                <Table.Th w={280}>{t('imports.field')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {job.columns.map((column) => (
                <Table.Tr key={column.key}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm">{column.key}</Text>
                      {column.hidden && <Badge variant="light">{t('imports.hiddenColumn')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {firstRow[column.index] ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`${t('imports.field')}: ${column.key}`}
                      value={job.mapping[column.key] ?? ''}
                      data={[
                        { value: '', label: t('imports.doNotImport') },
                        ...fields.map((field) => ({ value: field, label: t(`imports.fields.${field}`) })),
                      ]}
                      onChange={(event) => setField(column.key, event.currentTarget.value)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('imports.preview')}
        </Title>
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>{t('imports.row')}</Table.Th>
                {fields
                  .filter((field) => mappedFields.includes(field))
                  .map((field) => (
                    <Table.Th key={field}>{t(`imports.fields.${field}`)}</Table.Th>
                  ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(preview.data?.rows ?? []).slice(0, 5).map((row) => (
                <Table.Tr key={row.row}>
                  <Table.Td>{row.row}</Table.Td>
                  {row.values ? (
                    fields
                      .filter((field) => mappedFields.includes(field))
                      .map((field) => (
                        <Table.Td key={field}>
                          {previewValue(row.values?.[storedKey(field)], field, row.values)}
                        </Table.Td>
                      ))
                  ) : (
                    <Table.Td colSpan={mappedFields.length} c="red">
                      {row.problems.map(problemText).join(' ')}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Group justify="flex-end">
        <Button onClick={() => check.mutate()} loading={check.isPending || patch.isPending}>
          {t('imports.dryRun')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The draft property a mapped field is stored under, where it differs (e-mail and phone columns gather into lists). */
const storedKeys: Partial<Record<ImportField, string>> = {
  email: 'emails',
  phone: 'phones',
  fullName: 'lastName',
  dealName: 'title',
  amount: 'amountMinor',
  closeDate: 'expectedCloseOn',
  interactionType: 'interactionKind',
  interactionDate: 'occurredAt',
  contactExternalId: 'contactExternalIds',
  contactEmail: 'contactEmails',
  contactName: 'contactNames',
  pointDate: 'at',
};

function storedKey(field: ImportField): string {
  return storedKeys[field] ?? field;
}
