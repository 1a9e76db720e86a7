import { ActionIcon, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  type Currency,
  formatQuantity,
  formatRate,
  lineAmounts,
  minorToDecimal,
  parseMoney,
  parseQuantity,
  type VatMode,
} from '../../api/shared';
import type { InvoiceLine, LineDraft } from './finance-api';
import { useMoney } from './money';

/** A line as typed: text fields until they parse. */
export type LineForm = { description: string; quantity: string; price: string; vatRate: string };

const noVat = 'none';

export function lineFormOf(line: InvoiceLine, currency: Currency): LineForm {
  return {
    description: line.description,
    quantity: formatQuantity(line.quantityMilli),
    price: minorToDecimal(line.unitPriceMinor, currency),
    vatRate: line.vatRate === null ? noVat : String(line.vatRate),
  };
}

export function emptyLine(defaultRate: number | null): LineForm {
  return { description: '', quantity: '1', price: '', vatRate: defaultRate === null ? noVat : String(defaultRate) };
}

/** The lines as the API takes them, or undefined while one does not parse. */
export function linesOf(forms: readonly LineForm[], currency: Currency): LineDraft[] | undefined {
  const lines = forms.map((form) => {
    const quantityMilli = parseQuantity(form.quantity);
    const unitPriceMinor = parseMoney(form.price, currency);
    if (quantityMilli === undefined || unitPriceMinor === undefined) return undefined;
    return {
      description: form.description,
      quantityMilli,
      unitPriceMinor,
      vatRate: form.vatRate === noVat ? null : Number(form.vatRate),
    };
  });
  return lines.every((line) => line !== undefined) ? (lines as LineDraft[]) : undefined;
}

type Props = {
  lines: LineForm[];
  onChange: (lines: LineForm[]) => void;
  currency: Currency;
  vatMode: VatMode;
  rates: number[];
  noVatAllowed: boolean;
  defaultRate: number | null;
};

/** Edits a draft's lines, showing each line's amount as the server will round it. */
export function InvoiceLinesEditor({ lines, onChange, currency, vatMode, rates, noVatAllowed, defaultRate }: Props) {
  const { t } = useTranslation();
  const money = useMoney();
  const rateOptions = [
    ...rates.map((rate) => ({ value: String(rate), label: formatRate(rate) ?? '' })),
    ...(noVatAllowed ? [{ value: noVat, label: t('finance.invoice.noVat') }] : []),
  ];
  const set = (index: number, patch: Partial<LineForm>) =>
    onChange(lines.map((line, at) => (at === index ? { ...line, ...patch } : line)));
  return (
    <>
      <Table aria-label={t('finance.invoice.lines')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('finance.invoice.description')}</Table.Th>
            <Table.Th w={110}>{t('finance.invoice.quantity')}</Table.Th>
            <Table.Th w={150}>{t('finance.invoice.price')}</Table.Th>
            <Table.Th w={130}>{t('finance.invoice.vat')}</Table.Th>
            <Table.Th ta="right">{t('finance.invoice.lineTotal')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, index) => {
            const quantityMilli = parseQuantity(line.quantity);
            const unitPriceMinor = parseMoney(line.price, currency);
            const amounts =
              quantityMilli !== undefined && unitPriceMinor !== undefined
                ? lineAmounts(
                    {
                      quantityMilli,
                      unitPriceMinor,
                      vatRateBasisPoints: line.vatRate === noVat ? null : Number(line.vatRate),
                    },
                    vatMode,
                  )
                : undefined;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id until saved; their order is their identity.
              <Table.Tr key={index}>
                <Table.Td>
                  <TextInput
                    aria-label={t('finance.invoice.description')}
                    value={line.description}
                    onChange={(event) => set(index, { description: event.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('finance.invoice.quantity')}
                    value={line.quantity}
                    error={quantityMilli === undefined ? t('finance.invoice.invalidQuantity') : undefined}
                    onChange={(event) => set(index, { quantity: event.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('finance.invoice.price')}
                    value={line.price}
                    error={line.price && unitPriceMinor === undefined ? t('finance.invoice.invalidAmount') : undefined}
                    onChange={(event) => set(index, { price: event.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('finance.invoice.vat')}
                    data={rateOptions}
                    value={line.vatRate}
                    onChange={(vatRate) => vatRate && set(index, { vatRate })}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{amounts ? money(amounts.grossMinor, currency) : '—'}</Text>
                  {amounts && amounts.vatMinor > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('finance.invoice.vatTotal')}: {money(amounts.vatMinor, currency)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('finance.invoice.removeLine')}
                    onClick={() => onChange(lines.filter((_, at) => at !== index))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} />}
          onClick={() => onChange([...lines, emptyLine(defaultRate)])}
        >
          {t('finance.invoice.addLine')}
        </Button>
      </Group>
    </>
  );
}
