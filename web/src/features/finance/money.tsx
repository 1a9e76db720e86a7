import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Currency, formatMoney, type InvoiceStatus } from '../../api/shared';

/** Formats minor units in the UI language: `1 234 567,89 ₽`, `₽1,234,567.89`. */
export function useMoney() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'ru' ? 'ru' : 'en';
  return (amountMinor: number, currency: Currency) => formatMoney(amountMinor, currency, locale);
}

const statusColors: Record<InvoiceStatus, string> = {
  draft: 'gray',
  issued: 'blue',
  sent: 'indigo',
  partly_paid: 'yellow',
  paid: 'teal',
  credited: 'grape',
  cancelled: 'dark',
};

export function InvoiceStatusBadge({ status, overdue }: { status: InvoiceStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge size="sm" variant="light" color={statusColors[status]}>
        {t(`finance.status.${status}`)}
      </Badge>
      {overdue && (
        <Badge size="sm" variant="filled" color="red" ml={4}>
          {t('finance.status.overdue')}
        </Badge>
      )}
    </>
  );
}
