import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContractKind, type Currency, contractKinds, currencies, parseMoney } from '../../api/shared';
import { localDay } from '../../shared/local-day';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { ExportButtons } from './export-buttons';
import { contractsQuery, financeApi, financeSettingsQuery, invoicesQuery, useFinanceMutation } from './finance-api';
import { InvoiceTable } from './finance-page';
import { AccountCreditNotes } from './invoice-credit-notes';
import { useMoney } from './money';
import { ReceivablesTable } from './receivables-panel';

/** The account's money: receivables, invoices and contracts (shown to roles that read finance). */
export function AccountFinance({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('finance:write');
  const settings = useQuery(financeSettingsQuery).data;
  const invoices = useInfiniteQuery(invoicesQuery({ accountId, sort: '-createdAt' })).data?.pages[0]?.items ?? [];
  const create = useFinanceMutation(financeApi.createInvoice);
  const [addingContract, setAddingContract] = useState(false);
  const newInvoice = () =>
    create.mutate(
      {
        accountId,
        currency: settings?.baseCurrency ?? 'RUB',
        vatMode: settings?.vatMode ?? 'included',
        contractId: null,
        lines: [],
      },
      {
        onSuccess: (invoice) => {
          notifySuccess(t('finance.invoice.created'));
          void navigate({ to: '/finance/invoices/$invoiceId', params: { invoiceId: invoice.id } });
        },
        onError: notifyError,
      },
    );
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t('finance.account.title')}</Title>
          {canWrite && (
            <Group gap="xs">
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAddingContract(true)}>
                {t('finance.contracts.new')}
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={newInvoice} loading={create.isPending}>
                {t('finance.invoice.new')}
              </Button>
            </Group>
          )}
        </Group>
        <ReceivablesTable accountId={accountId} />
        <Title order={5}>{t('finance.account.invoices')}</Title>
        {invoices.length > 0 ? (
          <InvoiceTable invoices={invoices} showAccount={false} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('finance.list.empty')}
          </Text>
        )}
        <AccountCreditNotes accountId={accountId} />
        <ContractsTable accountId={accountId} />
      </Stack>
      {addingContract && <ContractModal accountId={accountId} onClose={() => setAddingContract(false)} />}
    </Paper>
  );
}

function ContractsTable({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const contracts = useQuery(contractsQuery(accountId)).data?.items ?? [];
  return (
    <>
      <Group justify="space-between">
        <Title order={5}>{t('finance.contracts.title')}</Title>
        <ExportButtons
          path="/contracts/export"
          name="contracts"
          query={{ accountId }}
          label={t('finance.exports.contracts')}
        />
      </Group>
      {contracts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('finance.contracts.empty')}
        </Text>
      ) : (
        <Table aria-label={t('finance.contracts.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('finance.contracts.number')}</Table.Th>
              <Table.Th>{t('finance.contracts.kind')}</Table.Th>
              <Table.Th>{t('finance.contracts.status')}</Table.Th>
              <Table.Th>{t('finance.contracts.endsOn')}</Table.Th>
              <Table.Th>{t('finance.contracts.reminderOn')}</Table.Th>
              <Table.Th ta="right">{t('finance.contracts.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contracts.map((contract) => (
              <Table.Tr key={contract.id}>
                <Table.Td>
                  {contract.documentUrl ? (
                    <a href={contract.documentUrl} target="_blank" rel="noreferrer">
                      {contract.number}
                    </a>
                  ) : (
                    contract.number
                  )}
                </Table.Td>
                <Table.Td>{t(`finance.contracts.kinds.${contract.kind}`)}</Table.Td>
                <Table.Td>{t(`finance.contracts.statuses.${contract.status}`)}</Table.Td>
                <Table.Td>{contract.endsOn ? format.calendarDate(contract.endsOn) : '—'}</Table.Td>
                <Table.Td>{contract.reminderOn ? format.calendarDate(contract.reminderOn) : '—'}</Table.Td>
                <Table.Td ta="right">
                  {contract.valueMinor === null ? '—' : money(contract.valueMinor, contract.currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

function ContractModal({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const today = localDay();
  const [form, setForm] = useState({
    number: '',
    signedOn: today,
    kind: 'services' as ContractKind,
    startsOn: today,
    endsOn: '',
    value: '',
    currency: 'RUB' as Currency,
    autoRenewal: false,
    paymentTermsDays: 10,
    reminderDaysBefore: 30,
    documentUrl: '',
  });
  const create = useFinanceMutation(financeApi.createContract);
  const valueMinor = form.value ? parseMoney(form.value, form.currency) : null;
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const submit = () =>
    create.mutate(
      {
        accountId,
        number: form.number,
        signedOn: form.signedOn,
        kind: form.kind,
        startsOn: form.startsOn,
        endsOn: form.endsOn || null,
        valueMinor,
        currency: form.currency,
        autoRenewal: form.autoRenewal,
        paymentTermsDays: form.paymentTermsDays,
        reminderDaysBefore: form.reminderDaysBefore,
        documentUrl: form.documentUrl || null,
      },
      {
        onSuccess: () => {
          notifySuccess(t('finance.contracts.created'));
          onClose();
        },
        onError: notifyError,
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('finance.contracts.new')} size="lg">
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('finance.contracts.number')}
            value={form.number}
            onChange={(event) => set({ number: event.currentTarget.value })}
            required
            data-autofocus
          />
          <Select
            label={t('finance.contracts.kind')}
            data={contractKinds.map((kind) => ({ value: kind, label: t(`finance.contracts.kinds.${kind}`) }))}
            value={form.kind}
            onChange={(kind) => kind && set({ kind: kind as ContractKind })}
            allowDeselect={false}
          />
          <TextInput
            type="date"
            label={t('finance.contracts.signedOn')}
            value={form.signedOn}
            onChange={(event) => set({ signedOn: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('finance.contracts.startsOn')}
            value={form.startsOn}
            onChange={(event) => set({ startsOn: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('finance.contracts.endsOn')}
            value={form.endsOn}
            onChange={(event) => set({ endsOn: event.currentTarget.value })}
          />
          <NumberInput
            label={t('finance.contracts.reminderDaysBefore')}
            value={form.reminderDaysBefore}
            min={0}
            max={3650}
            onChange={(value) => set({ reminderDaysBefore: Number(value) || 0 })}
          />
          <TextInput
            label={t('finance.contracts.value')}
            value={form.value}
            onChange={(event) => set({ value: event.currentTarget.value })}
            error={valueMinor === undefined ? t('finance.invoice.invalidAmount') : undefined}
          />
          <Select
            label={t('finance.invoice.currency')}
            data={[...currencies]}
            value={form.currency}
            onChange={(currency) => currency && set({ currency: currency as Currency })}
            allowDeselect={false}
          />
          <NumberInput
            label={t('finance.contracts.paymentTermsDays')}
            value={form.paymentTermsDays}
            min={0}
            max={3650}
            onChange={(value) => set({ paymentTermsDays: Number(value) || 0 })}
          />
          <TextInput
            label={t('finance.contracts.documentUrl')}
            value={form.documentUrl}
            onChange={(event) => set({ documentUrl: event.currentTarget.value })}
          />
        </SimpleGrid>
        <Checkbox
          label={t('finance.contracts.autoRenewal')}
          checked={form.autoRenewal}
          onChange={(event) => set({ autoRenewal: event.currentTarget.checked })}
        />
        <Group justify="flex-end">
          <Button onClick={submit} loading={create.isPending} disabled={valueMinor === undefined || !form.number}>
            {t('finance.contracts.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
