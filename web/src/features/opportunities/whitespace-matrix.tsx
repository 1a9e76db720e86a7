import { Badge, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Currency, formatMoney, type WhitespaceState } from '../../api/shared';
import { notifyError } from '../../shared/notify';
import { useCan } from '../auth/session';
import { CreateOpportunityModal } from './create-opportunity-modal';
import {
  type CurrencyTotals,
  type NewOpportunity,
  opportunitiesApi,
  useOpportunityMutation,
  type WhitespaceCell,
  whitespaceQuery,
} from './opportunities-api';

const stateColors: Record<WhitespaceState, string> = {
  buying: 'teal',
  opportunity: 'blue',
  whitespace: 'yellow',
  competitor: 'red',
  not_applicable: 'gray',
};

/** The account's buying centres × our offerings; a whitespace cell opens a prefilled opportunity. */
export function WhitespaceMatrix({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'ru' ? 'ru' : 'en';
  const canWrite = useCan('plans:write');
  const matrix = useQuery(whitespaceQuery(accountId)).data;
  const fromHierarchy = useOpportunityMutation(opportunitiesApi.addCentresFromHierarchy);
  const [creating, setCreating] = useState<{ initial: NewOpportunity; context: string } | null>(null);
  if (!matrix) return null;
  const money = (amount: number, currency: Currency) => formatMoney(amount, currency, locale);
  const totals = (sums: CurrencyTotals | undefined) =>
    Object.entries(sums ?? {})
      .map(([currency, amount]) => money(amount as number, currency as Currency))
      .join('; ') || '—';
  const cellOf = (centreId: string, offeringId: string) =>
    matrix.cells.find((cell) => cell.buyingCentreId === centreId && cell.offeringId === offeringId);
  const open = (cell: WhitespaceCell, context: string) =>
    setCreating({
      context,
      initial: {
        accountId,
        title: context,
        type: 'cross_sell',
        offeringId: cell.offeringId,
        buyingCentreId: cell.buyingCentreId,
        amountMinor: cell.potentialMinor,
        currency: cell.currency,
        expectedCloseOn: `${new Date().getUTCFullYear()}-12-31`,
      },
    });

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('opportunities.whitespace')}</Title>
          {canWrite && (
            <Button
              size="xs"
              variant="default"
              onClick={() => fromHierarchy.mutate(accountId, { onError: notifyError })}
            >
              {t('opportunities.fromHierarchy')}
            </Button>
          )}
        </Group>
        {matrix.buyingCentres.length === 0 || matrix.offerings.length === 0 ? (
          <Text c="dimmed">{t('opportunities.noMatrix')}</Text>
        ) : (
          <ScrollArea>
            <Table withTableBorder withColumnBorders aria-label={t('opportunities.whitespace')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('opportunities.buyingCentre')}</Table.Th>
                  {matrix.offerings.map((offering) => (
                    <Table.Th key={offering.id}>
                      {offering.name}
                      <Text size="xs" c="dimmed">
                        {offering.family}
                      </Text>
                    </Table.Th>
                  ))}
                  <Table.Th>{t('opportunities.totalPotential')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {matrix.buyingCentres.map((centre) => (
                  <Table.Tr key={centre.id}>
                    <Table.Th>{centre.name}</Table.Th>
                    {matrix.offerings.map((offering) => {
                      const cell = cellOf(centre.id, offering.id);
                      if (!cell) return <Table.Td key={offering.id}>—</Table.Td>;
                      const content = (
                        <Stack gap={2}>
                          <Badge color={stateColors[cell.state]} variant="light">
                            {t(`opportunities.states.${cell.state}`)}
                          </Badge>
                          {cell.potentialMinor > 0 && (
                            <Text size="xs">{money(cell.potentialMinor, cell.currency)}</Text>
                          )}
                          {cell.opportunityIds.length > 0 && (
                            <Text size="xs" c="blue">
                              {t('opportunities.linked', { count: cell.opportunityIds.length })}
                            </Text>
                          )}
                        </Stack>
                      );
                      const context = `${offering.name} · ${centre.name}`;
                      return (
                        <Table.Td key={offering.id}>
                          {canWrite && cell.state === 'whitespace' ? (
                            <UnstyledButton
                              onClick={() => open(cell, context)}
                              aria-label={t('opportunities.createFor', { cell: context })}
                            >
                              {content}
                            </UnstyledButton>
                          ) : (
                            content
                          )}
                        </Table.Td>
                      );
                    })}
                    <Table.Td>{totals(matrix.totals.rows.find((row) => row.id === centre.id)?.potential)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th>{t('opportunities.total')}</Table.Th>
                  {matrix.offerings.map((offering) => (
                    <Table.Td key={offering.id}>
                      {totals(matrix.totals.columns.find((column) => column.id === offering.id)?.potential)}
                    </Table.Td>
                  ))}
                  <Table.Td>{totals(matrix.totals.grand.potential)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
      {creating && <CreateOpportunityModal {...creating} onClose={() => setCreating(null)} />}
    </Paper>
  );
}
