import { Anchor, Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDay } from '../../shared/local-day';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { financeApi, type Invoice, useFinanceMutation } from './finance-api';
import { useMoney } from './money';

/** The acts of completed work of an invoice, and a form to attach one the client has signed. */
export function InvoiceActs({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const canWrite = useCan('finance:write') && invoice.status !== 'draft' && invoice.status !== 'cancelled';
  const today = localDay();
  const [form, setForm] = useState({ number: '', actDate: today, signedOn: today, documentUrl: '' });
  const create = useFinanceMutation(financeApi.createAct);
  const submit = () =>
    // NOTE: the toast follows the request's promise (see the invoice page's `run`).
    create
      .mutateAsync({
        accountId: invoice.accountId,
        invoiceId: invoice.id,
        number: form.number,
        actDate: form.actDate,
        amountMinor: invoice.grossMinor,
        currency: invoice.currency,
        signedOn: form.signedOn || null,
        documentUrl: form.documentUrl || null,
      })
      .then(() => {
        notifySuccess(t('finance.acts.attached'));
        setForm({ ...form, number: '', documentUrl: '' });
      }, notifyError);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('finance.acts.title')}
      </Title>
      {invoice.acts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('finance.acts.empty')}
        </Text>
      ) : (
        <Table aria-label={t('finance.acts.title')}>
          <Table.Tbody>
            {invoice.acts.map((act) => (
              <Table.Tr key={act.id}>
                <Table.Td>{act.number}</Table.Td>
                <Table.Td>{format.calendarDate(act.actDate)}</Table.Td>
                <Table.Td>
                  {act.signedOn
                    ? t('finance.acts.signedOn', { date: format.calendarDate(act.signedOn) })
                    : t('finance.acts.unsigned')}
                </Table.Td>
                <Table.Td ta="right">{money(act.amountMinor, invoice.currency)}</Table.Td>
                <Table.Td ta="right">
                  <Anchor href={`/api/v1/acts/${act.id}/pdf`} target="_blank" size="sm">
                    {t('finance.acts.pdf')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && (
        <Group align="flex-end" mt="sm">
          <TextInput
            label={t('finance.acts.number')}
            value={form.number}
            onChange={(event) => setForm({ ...form, number: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('finance.acts.actDate')}
            value={form.actDate}
            onChange={(event) => setForm({ ...form, actDate: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('finance.acts.signedDate')}
            value={form.signedOn}
            onChange={(event) => setForm({ ...form, signedOn: event.currentTarget.value })}
          />
          <TextInput
            label={t('finance.acts.documentUrl')}
            value={form.documentUrl}
            onChange={(event) => setForm({ ...form, documentUrl: event.currentTarget.value })}
          />
          <Button onClick={submit} loading={create.isPending} disabled={!form.number}>
            {t('finance.acts.attach')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
