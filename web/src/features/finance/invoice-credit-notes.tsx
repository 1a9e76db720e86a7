import { Anchor, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../shared/anchor-link';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import {
  accountCreditNotesQuery,
  financeApi,
  financeSettingsQuery,
  type Invoice,
  useFinanceMutation,
} from './finance-api';
import { InvoiceLinesEditor, type LineForm, lineFormOf, linesOf } from './invoice-lines-editor';
import { useMoney } from './money';

const creditable = new Set(['issued', 'sent', 'partly_paid', 'paid']);

/** The credit notes of an invoice, and (for finance) issuing one that lowers what the client owes. */
export function InvoiceCreditNotes({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const canWrite = useCan('finance:write') && creditable.has(invoice.status);
  const [creating, setCreating] = useState(false);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('finance.creditNotes.title')}</Title>
        {canWrite && (
          <Button variant="light" onClick={() => setCreating(true)}>
            {t('finance.creditNotes.create')}
          </Button>
        )}
      </Group>
      {invoice.creditNotes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('finance.creditNotes.empty')}
        </Text>
      ) : (
        <Table aria-label={t('finance.creditNotes.title')}>
          <Table.Tbody>
            {invoice.creditNotes.map((note) => (
              <Table.Tr key={note.id}>
                <Table.Td>{note.number}</Table.Td>
                <Table.Td>{format.calendarDate(note.issuedOn)}</Table.Td>
                <Table.Td>{note.reason}</Table.Td>
                <Table.Td ta="right">−{money(note.grossMinor, invoice.currency)}</Table.Td>
                <Table.Td ta="right">
                  <Anchor href={`/api/v1/credit-notes/${note.id}/pdf`} target="_blank" size="sm">
                    {t('finance.acts.pdf')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && <CreditNoteModal invoice={invoice} onClose={() => setCreating(false)} />}
    </Paper>
  );
}

function CreditNoteModal({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const settings = useQuery(financeSettingsQuery).data;
  const [reason, setReason] = useState('');
  const [lines, setLines] = useState<LineForm[]>(() =>
    invoice.lines.slice(0, 1).map((line) => lineFormOf(line, invoice.currency)),
  );
  const create = useFinanceMutation(financeApi.createCreditNote);
  const parsed = linesOf(lines, invoice.currency);
  return (
    <Modal opened onClose={onClose} title={t('finance.creditNotes.create')} size="xl">
      <Stack>
        <Text size="sm">
          {t('finance.creditNotes.left', {
            amount: money(invoice.grossMinor - invoice.creditedMinor, invoice.currency),
          })}
        </Text>
        <TextInput
          label={t('finance.creditNotes.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          required
        />
        <InvoiceLinesEditor
          lines={lines}
          onChange={setLines}
          currency={invoice.currency}
          vatMode={invoice.vatMode}
          rates={settings?.vatRates ?? []}
          noVatAllowed={settings?.noVatAllowed ?? true}
          defaultRate={settings?.defaultVatRate ?? null}
        />
        <Group justify="flex-end">
          <Button
            disabled={!parsed || parsed.length === 0 || reason.trim() === ''}
            loading={create.isPending}
            onClick={() =>
              // NOTE: the toast follows the request's promise (see the invoice page's `run`).
              parsed &&
              create.mutateAsync({ invoiceId: invoice.id, reason, lines: parsed }).then((note) => {
                notifySuccess(t('finance.creditNotes.created', { number: note.number }));
                onClose();
              }, notifyError)
            }
          >
            {t('finance.creditNotes.issue')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The account's credit notes, each with its invoice. */
export function AccountCreditNotes({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const notes = useQuery(accountCreditNotesQuery(accountId)).data?.items ?? [];
  if (notes.length === 0) return null;
  return (
    <>
      <Title order={5}>{t('finance.creditNotes.title')}</Title>
      <Table aria-label={t('finance.creditNotes.title')}>
        <Table.Tbody>
          {notes.map((note) => (
            <Table.Tr key={note.id}>
              <Table.Td>{note.number}</Table.Td>
              <Table.Td>{format.calendarDate(note.issuedOn)}</Table.Td>
              <Table.Td>
                <AnchorLink to="/finance/invoices/$invoiceId" params={{ invoiceId: note.invoiceId }} size="sm">
                  {t('finance.creditNotes.invoice')} {note.invoiceNumber}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{note.reason}</Table.Td>
              <Table.Td ta="right">−{money(note.grossMinor, note.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
