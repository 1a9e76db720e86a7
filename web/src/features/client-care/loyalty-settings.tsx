import { Badge, Button, Checkbox, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmDanger } from '../../shared/confirm';
import { showErrorOnForm } from '../../shared/forms';
import { notifyError, notifySuccess } from '../../shared/notify';
import { careApi, type LoyaltyTier, type LoyaltyTierInput, loyaltyTiersQuery, useCareMutation } from './care-api';

/** The loyalty programme's tiers: criteria and benefits, added, edited and removed by heads. */
export function LoyaltySettings() {
  const { t } = useTranslation();
  const tiers = useQuery(loyaltyTiersQuery);
  const [editing, setEditing] = useState<LoyaltyTier | 'new' | null>(null);
  const remove = useCareMutation(careApi.deleteTier);
  const askToRemove = (tier: LoyaltyTier) =>
    confirmDanger({
      title: t('clientCare.loyalty.deleteTitle', { name: tier.name }),
      message: t('clientCare.loyalty.deleteText'),
      confirmLabel: t('actions.delete'),
      onConfirm: () =>
        remove.mutate(tier.id, {
          onSuccess: () => notifySuccess(t('clientCare.loyalty.deleted', { name: tier.name })),
          onError: notifyError,
        }),
    });
  const items = tiers.data?.items ?? [];
  return (
    <Stack>
      <Text c="dimmed">{t('clientCare.loyalty.hint')}</Text>
      <Button w="fit-content" onClick={() => setEditing('new')}>
        {t('clientCare.loyalty.new')}
      </Button>
      {items.length === 0 && tiers.isSuccess && <Text c="dimmed">{t('clientCare.loyalty.empty')}</Text>}
      {items.length > 0 && (
        <Table aria-label={t('clientCare.loyalty.tab')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clientCare.loyalty.name')}</Table.Th>
              <Table.Th>{t('clientCare.loyalty.rank')}</Table.Th>
              <Table.Th>{t('clientCare.loyalty.minTenureMonths')}</Table.Th>
              <Table.Th>{t('clientCare.loyalty.minRevenue12m')}</Table.Th>
              <Table.Th>{t('clientCare.loyalty.minProjects')}</Table.Th>
              <Table.Th>{t('clientCare.loyalty.discount')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((tier) => (
              <Table.Tr key={tier.id}>
                <Table.Td>
                  <Group gap="xs">
                    {tier.name}
                    {tier.priority && <Badge variant="light">{t('clientCare.loyalty.priority')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>{tier.rank}</Table.Td>
                <Table.Td>{tier.minTenureMonths}</Table.Td>
                <Table.Td>{tier.minRevenue12m.toLocaleString()}</Table.Td>
                <Table.Td>{tier.minProjects}</Table.Td>
                <Table.Td>{tier.discount / 100}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" variant="default" onClick={() => setEditing(tier)}>
                      {t('actions.edit')}
                    </Button>
                    <Button size="xs" variant="light" color="red" onClick={() => askToRemove(tier)}>
                      {t('actions.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t(editing === 'new' ? 'clientCare.loyalty.new' : 'clientCare.loyalty.edit')}
      >
        {editing !== null && (
          <TierForm
            tier={editing === 'new' ? undefined : editing}
            nextRank={Math.max(0, ...items.map((tier) => tier.rank)) + 1}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

type TierValues = Omit<LoyaltyTierInput, 'discount'> & { discountPercent: number };

function TierForm({ tier, nextRank, onClose }: { tier?: LoyaltyTier; nextRank: number; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCareMutation(careApi.createTier);
  const update = useCareMutation(careApi.updateTier);
  const form = useForm<TierValues>({
    initialValues: {
      name: tier?.name ?? '',
      rank: tier?.rank ?? nextRank,
      minTenureMonths: tier?.minTenureMonths ?? 0,
      minRevenue12m: tier?.minRevenue12m ?? 0,
      minProjects: tier?.minProjects ?? 0,
      discountPercent: (tier?.discount ?? 0) / 100,
      priority: tier?.priority ?? false,
    },
  });
  const submit = form.onSubmit(({ discountPercent, ...values }) => {
    const body = { ...values, discount: Math.round(discountPercent * 100) };
    const done = {
      onSuccess: () => {
        notifySuccess(t('clientCare.loyalty.saved', { name: values.name }));
        onClose();
      },
      onError: (error: unknown) =>
        showErrorOnForm(form, error, (path) => (path === 'discount' ? 'discountPercent' : path)),
    };
    if (tier) update.mutate({ id: tier.id, version: tier.version, ...body }, done);
    else create.mutate(body, done);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('clientCare.loyalty.name')} required data-autofocus {...form.getInputProps('name')} />
        <NumberInput
          label={t('clientCare.loyalty.rank')}
          min={1}
          allowDecimal={false}
          {...form.getInputProps('rank')}
        />
        <NumberInput
          label={t('clientCare.loyalty.minTenureMonths')}
          min={0}
          allowDecimal={false}
          {...form.getInputProps('minTenureMonths')}
        />
        <NumberInput
          label={t('clientCare.loyalty.minRevenue12m')}
          min={0}
          allowDecimal={false}
          thousandSeparator=" "
          {...form.getInputProps('minRevenue12m')}
        />
        <NumberInput
          label={t('clientCare.loyalty.minProjects')}
          min={0}
          allowDecimal={false}
          {...form.getInputProps('minProjects')}
        />
        <NumberInput
          label={t('clientCare.loyalty.discount')}
          min={0}
          max={100}
          decimalScale={2}
          {...form.getInputProps('discountPercent')}
        />
        <Checkbox label={t('clientCare.loyalty.priority')} {...form.getInputProps('priority', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
