import { Badge, Button, Checkbox, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../shared/anchor-link';
import { notifyError } from '../../shared/notify';
import { type DuplicateProposal, dryRunImport, type ImportCheck, type ImportJob, patchImport } from './imports-api';

/** Reasons strong enough to merge on without reading the names (the same INN, domain or e-mail). */
const exactReasons = new Set<DuplicateProposal['reason']>(['taxId', 'domain', 'email']);

/**
 * Rows that would create a record Accord seems to have already: each can be merged into that
 * record (its fields updated from the file) or kept as a new one. Every change checks the file
 * again, so the counts above stay true.
 */
export function DuplicatesPanel({
  job,
  check,
  onChecked,
}: {
  job: ImportJob;
  check: ImportCheck;
  onChecked: (check: ImportCheck) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const choose = useMutation({
    mutationFn: async (merges: Record<string, string>) => {
      const updated = await patchImport(job.id, { merges });
      queryClient.setQueryData(['imports', job.id], updated);
      return dryRunImport(job.id);
    },
    onSuccess: onChecked,
    onError: notifyError,
  });
  const { proposals, total } = check.duplicates;
  if (total === 0) return null;
  const merging = (proposal: DuplicateProposal) => job.merges[proposal.externalId] === proposal.record.id;
  const toggle = (proposal: DuplicateProposal, merge: boolean) => {
    const { [proposal.externalId]: _old, ...rest } = job.merges;
    choose.mutate(merge ? { ...rest, [proposal.externalId]: proposal.record.id } : rest);
  };
  const mergeExact = () =>
    choose.mutate({
      ...job.merges,
      ...Object.fromEntries(
        proposals.filter((proposal) => exactReasons.has(proposal.reason)).map((p) => [p.externalId, p.record.id]),
      ),
    });

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('imports.duplicates.title', { count: total })}</Title>
        <Button variant="light" onClick={mergeExact} loading={choose.isPending}>
          {t('imports.duplicates.mergeExact')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('imports.duplicates.hint')}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('imports.row')}</Table.Th>
            <Table.Th>{t('imports.duplicates.inFile')}</Table.Th>
            <Table.Th>{t('imports.duplicates.inAccord')}</Table.Th>
            <Table.Th>{t('imports.duplicates.why')}</Table.Th>
            <Table.Th w={120}>{t('imports.duplicates.merge')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposals.map((proposal) => (
            <Table.Tr key={proposal.externalId}>
              <Table.Td>{proposal.row}</Table.Td>
              <Table.Td>{proposal.name}</Table.Td>
              <Table.Td>
                {job.kind === 'accounts' ? (
                  <AnchorLink to="/accounts/$accountId" params={{ accountId: proposal.record.id }} target="_blank">
                    {proposal.record.name}
                  </AnchorLink>
                ) : (
                  proposal.record.name
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={exactReasons.has(proposal.reason) ? 'teal' : 'gray'}>
                  {t(`imports.duplicates.reasons.${proposal.reason}`, {
                    percent: Math.round(proposal.similarity * 100),
                  })}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Checkbox
                  aria-label={t('imports.duplicates.mergeRow', { row: proposal.row })}
                  checked={merging(proposal)}
                  disabled={choose.isPending}
                  onChange={(event) => toggle(proposal, event.currentTarget.checked)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {total > proposals.length && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('imports.duplicates.more', { count: total - proposals.length })}
        </Text>
      )}
    </Paper>
  );
}
