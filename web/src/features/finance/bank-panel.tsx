import { Button, FileButton, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import {
  type BankTransaction,
  bankApi,
  type StatementImport,
  unmatchedBankQuery,
  useFinanceMutation,
} from './finance-api';
import { useMoney } from './money';

/** Bank statements: import one, see what it matched, match the rest by hand. */
export function BankPanel() {
  const { t } = useTranslation();
  const [result, setResult] = useState<StatementImport | null>(null);
  const upload = useFinanceMutation(bankApi.importStatement);
  const waiting = useQuery(unmatchedBankQuery);
  return (
    <Stack>
      <Group>
        <FileButton
          accept=".csv,.txt,.xlsx,text/csv"
          onChange={(file) =>
            file && upload.mutate(file, { onSuccess: (imported) => setResult(imported), onError: notifyError })
          }
        >
          {(props) => (
            <Button {...props} leftSection={<IconUpload size={16} />} loading={upload.isPending}>
              {t('finance.bank.import')}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          {t('finance.bank.hint')}
        </Text>
      </Group>
      {result && (
        <Paper withBorder p="md" aria-label={t('finance.bank.result')}>
          <Text>
            {t('finance.bank.summary', {
              lines: result.lines,
              matched: result.matched,
              unmatched: result.unmatched,
              duplicates: result.duplicates,
            })}
          </Text>
          {result.problems.map((problem) => (
            <Text key={problem.line} size="sm" c="red">
              {t('finance.bank.problem', { line: problem.line, value: problem.value })}
            </Text>
          ))}
        </Paper>
      )}
      <Title order={4}>{t('finance.bank.unmatched', { count: waiting.data?.total ?? 0 })}</Title>
      <Paper withBorder>
        <Table aria-label={t('finance.bank.unmatchedTable')}>
          <Table.Tbody>
            {(waiting.data?.items ?? []).map((line) => (
              <UnmatchedLine key={line.id} line={line} />
            ))}
          </Table.Tbody>
        </Table>
        {waiting.isSuccess && waiting.data.items.length === 0 && (
          <Text size="sm" c="dimmed" p="md">
            {t('finance.bank.nothingWaiting')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

function UnmatchedLine({ line }: { line: BankTransaction }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const [number, setNumber] = useState('');
  const match = useFinanceMutation(bankApi.matchToInvoiceNumber);
  return (
    <Table.Tr>
      <Table.Td>{format.calendarDate(line.bookedOn)}</Table.Td>
      <Table.Td>{line.payer}</Table.Td>
      <Table.Td>{line.purpose}</Table.Td>
      <Table.Td ta="right">{money(line.amountMinor, line.currency)}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <TextInput
            size="xs"
            aria-label={t('finance.bank.invoiceNumber')}
            placeholder={t('finance.bank.invoiceNumber')}
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
          />
          <Button
            size="xs"
            disabled={number.trim() === ''}
            loading={match.isPending}
            onClick={() =>
              match.mutate(
                { id: line.id, number },
                { onSuccess: () => notifySuccess(t('finance.bank.matched')), onError: notifyError },
              )
            }
          >
            {t('finance.bank.match')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
