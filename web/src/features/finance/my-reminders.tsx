import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../shared/anchor-link';
import { useFormat } from '../../shared/use-format';
import { myRemindersQuery } from './finance-api';
import { useMoney } from './money';

/** The reader's follow-ups on the accounts they own: renewals due and invoices to chase, with the next step. */
export function MyReminders() {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  const reminders = useQuery(myRemindersQuery).data;
  if (!reminders) return null;
  const nothing = reminders.renewals.length === 0 && reminders.overdueInvoices.length === 0;
  return (
    <Paper withBorder p="md" data-testid="my-reminders">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('finance.reminders.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('finance.receivables.asOf', { date: format.calendarDate(reminders.asOf) })}
        </Text>
      </Group>
      {nothing ? (
        <Text size="sm" c="dimmed">
          {t('finance.reminders.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Table aria-label={t('finance.reminders.title')}>
            <Table.Tbody>
              {reminders.renewals.map((renewal) => (
                <Table.Tr key={renewal.contractId}>
                  <Table.Td>
                    <Badge variant="light" color={renewal.nextStep === 'ended' ? 'red' : 'blue'}>
                      {t('finance.reminders.renewal')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <AnchorLink to="/accounts/$accountId" params={{ accountId: renewal.account.id }} size="sm">
                      {renewal.account.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    {t('finance.reminders.contract', {
                      number: renewal.number,
                      date: format.calendarDate(renewal.endsOn),
                    })}
                  </Table.Td>
                  <Table.Td>
                    {renewal.daysToEnd < 0
                      ? t('finance.reminders.ended', { count: -renewal.daysToEnd })
                      : t('finance.reminders.endsIn', { count: renewal.daysToEnd })}
                  </Table.Td>
                  <Table.Td>{t(`finance.reminders.steps.${renewal.nextStep}`)}</Table.Td>
                </Table.Tr>
              ))}
              {reminders.overdueInvoices.map((item) => (
                <Table.Tr key={item.invoiceId}>
                  <Table.Td>
                    <Badge variant="light" color="orange">
                      {t('finance.reminders.invoice')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <AnchorLink to="/accounts/$accountId" params={{ accountId: item.account.id }} size="sm">
                      {item.account.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <AnchorLink to="/finance/invoices/$invoiceId" params={{ invoiceId: item.invoiceId }} size="sm">
                      {item.number}
                    </AnchorLink>{' '}
                    · {money(item.openMinor, item.currency)}
                  </Table.Td>
                  <Table.Td>{t('finance.list.daysOverdue', { count: item.daysOverdue })}</Table.Td>
                  <Table.Td>{t(`finance.receivables.actions.${item.nextAction}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Paper>
  );
}
