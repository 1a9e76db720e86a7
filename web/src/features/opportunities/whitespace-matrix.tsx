import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Currency, formatMoney, type WhitespaceState } from '../../api/shared';
import { notifyError } from '../../shared/notify';
import { useCan } from '../auth/session';
import { CreateOpportunityModal } from './create-opportunity-modal';
import {
  type CellInput,
  type CurrencyTotals,
  type NewOpportunity,
  opportunitiesApi,
  useOpportunityMutation,
  type WhitespaceCell,
  whitespaceQuery,
} from './opportunities-api';
import { AddCentreModal, WhitespaceCellModal } from './whitespace-cell-modal';

const stateColors: Record<WhitespaceState, string> = {
  buying: 'teal',
  opportunity: 'blue',
  whitespace: 'yellow',
  competitor: 'red',
  not_applicable: 'gray',
};

/**
 * The account's buying centres × our offerings; a whitespace cell opens a prefilled opportunity,
 * and every cell (empty ones too) has a pencil to change its state and amounts.
 */
export function WhitespaceMatrix({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'ru' ? 'ru' : 'en';
  const canWrite = useCan('plans:write');
  const matrix = useQuery(whitespaceQuery(accountId)).data;
  const fromHierarchy = useOpportunityMutation(opportunitiesApi.addCentresFromHierarchy);
  const [creating, setCreating] = useState<{ initial: NewOpportunity; context: string } | null>(null);
  const [editing, setEditing] = useState<{ cell: CellInput; context: string } | null>(null);
  const [addingCentre, setAddingCentre] = useState(false);
  if (!matrix) return null;
  // NOTE: a new cell takes the currency of the matrix's first cell, RUB in an empty matrix.
  const defaultCurrency = matrix.cells[0]?.currency ?? 'RUB';
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
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setAddingCentre(true)}>
                {t('opportunities.addCentre')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => fromHierarchy.mutate(accountId, { onError: notifyError })}
              >
                {t('opportunities.fromHierarchy')}
              </Button>
            </Group>
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
                      const context = `${offering.name} · ${centre.name}`;
                      const edit = canWrite && (
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          aria-label={t('opportunities.editCell', { cell: context })}
                          onClick={() =>
                            setEditing({
                              context,
                              cell: {
                                accountId,
                                buyingCentreId: centre.id,
                                offeringId: offering.id,
                                state: cell?.state ?? 'whitespace',
                                currency: cell?.currency ?? defaultCurrency,
                                currentRevenueMinor: cell?.currentRevenueMinor ?? 0,
                                potentialMinor: cell?.potentialMinor ?? 0,
                                competitor: cell?.competitor ?? null,
                              },
                            })
                          }
                        >
                          <IconPencil size={14} />
                        </ActionIcon>
                      );
                      if (!cell)
                        return (
                          <Table.Td key={offering.id}>
                            <Group gap={4} wrap="nowrap">
                              —{edit}
                            </Group>
                          </Table.Td>
                        );
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
                      return (
                        <Table.Td key={offering.id}>
                          <Group gap={4} wrap="nowrap" align="start">
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
                            {edit}
                          </Group>
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
      {editing && <WhitespaceCellModal {...editing} onClose={() => setEditing(null)} />}
      {addingCentre && <AddCentreModal accountId={accountId} onClose={() => setAddingCentre(false)} />}
    </Paper>
  );
}
