import { Alert, Breadcrumbs, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatQuantity, formatRate, type VatMode, vatModes } from '../../api/shared';
import { QueryPage } from '../../app/route-status';
import { AnchorLink } from '../../shared/anchor-link';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { financeApi, financeSettingsQuery, type Invoice, invoiceQuery, useFinanceMutation } from './finance-api';
import { InvoiceActs } from './invoice-acts';
import { InvoiceCreditNotes } from './invoice-credit-notes';
import { emptyLine, InvoiceLinesEditor, type LineForm, lineFormOf, linesOf } from './invoice-lines-editor';
import { InvoiceStatusBadge, useMoney } from './money';
import { PaymentModal } from './payment-modal';

export function InvoicePage() {
  const { invoiceId } = useParams({ from: '/app/finance/invoices/$invoiceId' });
  const query = useQuery(invoiceQuery(invoiceId));
  return (
    <QueryPage query={query}>
      {(invoice) => <InvoiceView key={`${invoice.id}:${invoice.version}`} invoice={invoice} />}
    </QueryPage>
  );
}

function InvoiceView({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const navigate = useNavigate();
  const canWrite = useCan('finance:write');
  const [paying, setPaying] = useState(false);
  const transition = useFinanceMutation(financeApi.transition);
  const reissue = useFinanceMutation(financeApi.reissue);
  const editable = canWrite && invoice.status === 'draft';
  // NOTE: the toast follows the request's promise, not a per-call callback: the refetch after the
  // change can redraw this page, and a redrawn page's mutation callbacks are dropped.
  const run = (action: 'issue' | 'send' | 'cancel', body: object = {}) =>
    transition
      .mutateAsync({ id: invoice.id, version: invoice.version, action, body })
      .then(
        (updated) =>
          notifySuccess(
            action === 'issue'
              ? t('finance.invoice.issued', { number: updated.number })
              : action === 'cancel'
                ? t('finance.invoice.cancelled')
                : t('finance.invoice.saved'),
          ),
        notifyError,
      );
  const askToCancel = () => {
    let reason = '';
    modals.openConfirmModal({
      title: t('finance.invoice.cancel'),
      children: (
        <textarea
          aria-label={t('finance.invoice.cancelReason')}
          placeholder={t('finance.invoice.cancelReason')}
          style={{ width: '100%', minHeight: 80 }}
          onChange={(event) => {
            reason = event.currentTarget.value;
          }}
        />
      ),
      labels: { confirm: t('finance.invoice.cancel'), cancel: t('actions.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => run('cancel', { reason: reason || '—' }),
    });
  };
  const open = invoice.status === 'issued' || invoice.status === 'sent' || invoice.status === 'partly_paid';
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <AnchorLink to="/finance" size="sm">
          {t('finance.invoice.back')}
        </AnchorLink>
        <AnchorLink to="/accounts/$accountId" params={{ accountId: invoice.account.id }} size="sm">
          {invoice.account.name}
        </AnchorLink>
      </Breadcrumbs>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>
            {invoice.number ? t('finance.invoice.title', { number: invoice.number }) : t('finance.invoice.titleDraft')}
          </Title>
          <InvoiceStatusBadge status={invoice.status} overdue={invoice.overdue} />
        </Group>
        {invoice.status !== 'draft' && (
          <Button component="a" variant="default" href={`/api/v1/invoices/${invoice.id}/pdf`} target="_blank">
            {t('finance.invoice.pdf')}
          </Button>
        )}
        {canWrite && (
          <Group gap="xs">
            {invoice.status === 'draft' && (
              <Button onClick={() => run('issue')} loading={transition.isPending} disabled={invoice.lines.length === 0}>
                {t('finance.invoice.issue')}
              </Button>
            )}
            {invoice.status === 'issued' && (
              <Button variant="light" onClick={() => run('send')} loading={transition.isPending}>
                {t('finance.invoice.send')}
              </Button>
            )}
            {open && <Button onClick={() => setPaying(true)}>{t('finance.payment.record')}</Button>}
            {(invoice.status === 'issued' || invoice.status === 'sent') && (
              <Button variant="light" color="red" onClick={askToCancel}>
                {t('finance.invoice.cancel')}
              </Button>
            )}
            {invoice.status === 'cancelled' && (
              <Button
                variant="light"
                loading={reissue.isPending}
                onClick={() =>
                  reissue.mutate(invoice.id, {
                    onSuccess: (draft) =>
                      void navigate({ to: '/finance/invoices/$invoiceId', params: { invoiceId: draft.id } }),
                    onError: notifyError,
                  })
                }
              >
                {t('finance.invoice.reissue')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {invoice.cancelReason && <Alert color="gray">{invoice.cancelReason}</Alert>}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Fact
            label={t('finance.invoice.issuedOn')}
            value={invoice.issuedOn && format.calendarDate(invoice.issuedOn)}
          />
          <Fact label={t('finance.invoice.dueOn')} value={invoice.dueOn && format.calendarDate(invoice.dueOn)} />
          <Fact label={t('finance.invoice.contract')} value={invoice.contract?.number ?? null} />
          <Fact label={t('finance.invoice.vatMode')} value={t(`finance.invoice.vatModes.${invoice.vatMode}`)} />
          <Fact label={t('finance.invoice.gross')} value={money(invoice.grossMinor, invoice.currency)} />
          <Fact
            label={invoice.vatMode === 'included' ? t('finance.invoice.vatIncluded') : t('finance.invoice.vatTotal')}
            value={money(invoice.vatMinor, invoice.currency)}
          />
          <Fact label={t('finance.invoice.paid')} value={money(invoice.paidMinor, invoice.currency)} />
          {invoice.creditedMinor > 0 && (
            <Fact
              label={t('finance.invoice.credited')}
              value={money(invoice.creditedMinor, invoice.currency)}
              testId="invoice-credited"
            />
          )}
          <Fact
            label={t('finance.invoice.open')}
            value={money(invoice.openMinor, invoice.currency)}
            testId="invoice-open"
          />
        </SimpleGrid>
        {invoice.overdue && (
          <Text c="red" size="sm" mt="sm" data-testid="invoice-overdue">
            {t('finance.list.daysOverdue', { count: invoice.daysOverdue })}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('finance.invoice.lines')}
        </Title>
        {editable ? <DraftEditor invoice={invoice} /> : <LinesTable invoice={invoice} />}
        {!editable && invoice.status !== 'draft' && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('finance.invoice.immutable')}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('finance.invoice.payments')}
        </Title>
        {invoice.allocations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('finance.invoice.noPayments')}
          </Text>
        ) : (
          <Table aria-label={t('finance.invoice.payments')}>
            <Table.Tbody>
              {invoice.allocations.map((allocation) => (
                <Table.Tr key={allocation.paymentId}>
                  <Table.Td>{format.calendarDate(allocation.receivedOn)}</Table.Td>
                  <Table.Td>{allocation.reference}</Table.Td>
                  <Table.Td ta="right">{money(allocation.amountMinor, invoice.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <InvoiceCreditNotes invoice={invoice} />
      <InvoiceActs invoice={invoice} />
      {paying && <PaymentModal invoice={invoice} opened onClose={() => setPaying(false)} />}
    </Stack>
  );
}

function Fact({ label, value, testId }: { label: string; value: string | null; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value ?? '—'}
      </Text>
    </div>
  );
}

function LinesTable({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Table aria-label={t('finance.invoice.lines')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('finance.invoice.description')}</Table.Th>
          <Table.Th ta="right">{t('finance.invoice.quantity')}</Table.Th>
          <Table.Th ta="right">{t('finance.invoice.price')}</Table.Th>
          <Table.Th ta="right">{t('finance.invoice.vat')}</Table.Th>
          <Table.Th ta="right">{t('finance.invoice.lineTotal')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invoice.lines.map((line) => (
          <Table.Tr key={line.id}>
            <Table.Td>{line.description}</Table.Td>
            <Table.Td ta="right">{formatQuantity(line.quantityMilli)}</Table.Td>
            <Table.Td ta="right">{money(line.unitPriceMinor, invoice.currency)}</Table.Td>
            <Table.Td ta="right">{formatRate(line.vatRate) ?? t('finance.invoice.noVat')}</Table.Td>
            <Table.Td ta="right">{money(line.grossMinor, invoice.currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DraftEditor({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const settings = useQuery(financeSettingsQuery).data;
  const [vatMode, setVatMode] = useState<VatMode>(invoice.vatMode);
  const [lines, setLines] = useState<LineForm[]>(() =>
    invoice.lines.length > 0
      ? invoice.lines.map((line) => lineFormOf(line, invoice.currency))
      : [emptyLine(settings?.defaultVatRate ?? 2200)],
  );
  const save = useFinanceMutation(financeApi.updateInvoice);
  const parsed = linesOf(lines, invoice.currency);
  return (
    <Stack>
      <Select
        label={t('finance.invoice.vatMode')}
        data={vatModes.map((mode) => ({ value: mode, label: t(`finance.invoice.vatModes.${mode}`) }))}
        value={vatMode}
        onChange={(mode) => mode && setVatMode(mode as VatMode)}
        allowDeselect={false}
        w={260}
      />
      <InvoiceLinesEditor
        lines={lines}
        onChange={setLines}
        currency={invoice.currency}
        vatMode={vatMode}
        rates={settings?.vatRates ?? []}
        noVatAllowed={settings?.noVatAllowed ?? true}
        defaultRate={settings?.defaultVatRate ?? null}
      />
      <Group justify="flex-end">
        <Button
          variant="light"
          disabled={!parsed}
          loading={save.isPending}
          onClick={() =>
            parsed &&
            save.mutate(
              { id: invoice.id, version: invoice.version, lines: parsed, vatMode, currency: invoice.currency },
              { onSuccess: () => notifySuccess(t('finance.invoice.saved')), onError: notifyError },
            )
          }
        >
          {t('finance.invoice.save')}
        </Button>
      </Group>
    </Stack>
  );
}
