import { ActionIcon, Button, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Currency, formatQuantity, formatRate, minorToDecimal, parseMoney, parseQuantity } from '../../api/shared';
import { type EstimateLine, type EstimateLineDraft, priceListQuery } from './delivery-api';

/** One line as typed: text fields, read into exact numbers only when saved. */
export type LineForm = {
  priceListItemId: string | null;
  description: string;
  quantity: string;
  price: string;
  discount: string;
  vatRate: string;
};

const vatChoices = ['2200', '2000', '1000', '0', 'none'];

/** A new line; `discountBasisPoints` is the discount offered (the account's loyalty tier's on a new estimate). */
export const emptyLine = (discountBasisPoints = 0): LineForm => ({
  priceListItemId: null,
  description: '',
  quantity: '1',
  price: '',
  discount: String(discountBasisPoints / 100),
  vatRate: '2200',
});

export function lineFormOf(line: EstimateLine, currency: Currency): LineForm {
  return {
    priceListItemId: line.priceListItemId,
    description: line.description,
    quantity: formatQuantity(line.quantityMilli),
    price: minorToDecimal(line.unitPriceMinor, currency),
    discount: String(line.discount / 100),
    vatRate: line.vatRate === null ? 'none' : String(line.vatRate),
  };
}

/** The lines to send: what the price list fills is left out; bad numbers go as they are for the server to name. */
export function linesOf(forms: readonly LineForm[], currency: Currency): EstimateLineDraft[] {
  return forms.map((form) => ({
    priceListItemId: form.priceListItemId,
    ...(form.description.trim() ? { description: form.description } : {}),
    quantityMilli: parseQuantity(form.quantity) ?? Number.NaN,
    ...(form.price.trim() ? { unitPriceMinor: parseMoney(form.price, currency) ?? Number.NaN } : {}),
    discount: Math.round(Number(form.discount.replace(',', '.')) * 100),
    ...(form.priceListItemId && !form.price.trim()
      ? {}
      : { vatRate: form.vatRate === 'none' ? null : Number(form.vatRate) }),
  }));
}

export function EstimateLinesEditor({
  lines,
  onChange,
  defaultDiscount = 0,
}: {
  lines: LineForm[];
  onChange: (lines: LineForm[]) => void;
  /** Hundredths of a percent a new line starts with. */
  defaultDiscount?: number;
}) {
  const { t } = useTranslation();
  const priceList = useQuery(priceListQuery);
  const set = (index: number, patch: Partial<LineForm>) =>
    onChange(lines.map((line, at) => (at === index ? { ...line, ...patch } : line)));
  return (
    <Stack gap="xs">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('delivery.estimates.service')}</Table.Th>
            <Table.Th>{t('delivery.estimates.description')}</Table.Th>
            <Table.Th>{t('delivery.estimates.quantity')}</Table.Th>
            <Table.Th>{t('delivery.estimates.price')}</Table.Th>
            <Table.Th>{t('delivery.estimates.discount')}</Table.Th>
            <Table.Th>{t('delivery.estimates.vat')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity until saved.
            <Table.Tr key={index}>
              <Table.Td>
                <Select
                  aria-label={t('delivery.estimates.service')}
                  data={(priceList.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
                  value={line.priceListItemId}
                  onChange={(value) => set(index, { priceListItemId: value })}
                  clearable
                  searchable
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('delivery.estimates.description')}
                  value={line.description}
                  onChange={(event) => set(index, { description: event.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('delivery.estimates.quantity')}
                  value={line.quantity}
                  onChange={(event) => set(index, { quantity: event.currentTarget.value })}
                  w={90}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('delivery.estimates.price')}
                  value={line.price}
                  onChange={(event) => set(index, { price: event.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('delivery.estimates.discount')}
                  value={line.discount}
                  onChange={(event) => set(index, { discount: event.currentTarget.value })}
                  w={80}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('delivery.estimates.vat')}
                  data={vatChoices.map((value) => ({
                    value,
                    label: value === 'none' ? t('delivery.estimates.noVat') : (formatRate(Number(value)) ?? value),
                  }))}
                  value={line.vatRate}
                  onChange={(value) => set(index, { vatRate: value ?? '2200' })}
                  allowDeselect={false}
                  w={110}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('delivery.estimates.removeLine')}
                  onClick={() => onChange(lines.filter((_, at) => at !== index))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="subtle" onClick={() => onChange([...lines, emptyLine(defaultDiscount)])}>
          {t('delivery.estimates.addLine')}
        </Button>
      </Group>
    </Stack>
  );
}
