import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minorToDecimal, parseMoney } from '../../api/shared';
import { localDay } from '../../shared/local-day';
import { notifyError, notifySuccess } from '../../shared/notify';
import { financeApi, type Invoice, useFinanceMutation } from './finance-api';
import { useMoney } from './money';

/** Records a payment from the invoice's account, allocated to this invoice up to what is open. */
export function PaymentModal({ invoice, opened, onClose }: { invoice: Invoice; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [amount, setAmount] = useState(minorToDecimal(invoice.openMinor, invoice.currency));
  const [receivedOn, setReceivedOn] = useState(() => localDay());
  const [reference, setReference] = useState('');
  const [allocate, setAllocate] = useState(true);
  const record = useFinanceMutation(financeApi.recordPayment);
  const amountMinor = parseMoney(amount, invoice.currency);
  const submit = () => {
    if (amountMinor === undefined) return;
    // NOTE: the toast follows the request's promise (see the invoice page's `run`).
    record
      .mutateAsync({
        accountId: invoice.accountId,
        receivedOn,
        amountMinor,
        currency: invoice.currency,
        reference: reference || null,
        allocations: allocate ? [{ invoiceId: invoice.id, amountMinor: Math.min(amountMinor, invoice.openMinor) }] : [],
      })
      .then((payment) => {
        notifySuccess(
          payment.unallocatedMinor > 0
            ? t('finance.payment.credit', { amount: money(payment.unallocatedMinor, invoice.currency) })
            : t('finance.payment.recorded'),
        );
        onClose();
      }, notifyError);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('finance.payment.title')}>
      <Stack>
        <TextInput
          label={`${t('finance.payment.amount')}, ${invoice.currency}`}
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={amountMinor === undefined ? t('finance.invoice.invalidAmount') : undefined}
          data-autofocus
        />
        <TextInput
          type="date"
          label={t('finance.payment.receivedOn')}
          value={receivedOn}
          onChange={(event) => setReceivedOn(event.currentTarget.value)}
        />
        <TextInput
          label={t('finance.payment.reference')}
          value={reference}
          onChange={(event) => setReference(event.currentTarget.value)}
        />
        <Checkbox
          label={t('finance.payment.allocate')}
          checked={allocate}
          onChange={(event) => setAllocate(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button onClick={submit} loading={record.isPending} disabled={amountMinor === undefined || amountMinor <= 0}>
            {t('finance.payment.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
