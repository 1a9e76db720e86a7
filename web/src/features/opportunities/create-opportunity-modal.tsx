import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OpportunityType, opportunityTypes } from '../../api/shared';
import { notifyError } from '../../shared/notify';
import { type NewOpportunity, opportunitiesApi, useOpportunityMutation } from './opportunities-api';

/** A new opportunity, prefilled from the whitespace cell it was opened on; amounts in whole units. */
export function CreateOpportunityModal({
  initial,
  context,
  onClose,
}: {
  initial: NewOpportunity;
  /** What the cell is, for the title: «ERP · ИТ-дирекция». */
  context: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(context);
  const [type, setType] = useState<OpportunityType>(initial.type);
  // NOTE: whole units in the form (the currency's minor units would confuse people), converted exactly.
  const [amount, setAmount] = useState<number | string>(Math.floor(initial.amountMinor / 100));
  const [closeOn, setCloseOn] = useState(initial.expectedCloseOn);
  const create = useOpportunityMutation(opportunitiesApi.create);
  const submit = () =>
    create.mutate(
      { ...initial, title, type, amountMinor: Number(amount) * 100, expectedCloseOn: closeOn },
      { onSuccess: onClose, onError: notifyError },
    );
  return (
    <Modal opened onClose={onClose} title={t('opportunities.create')}>
      <Stack>
        <TextInput
          label={t('opportunities.titleField')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          required
        />
        <Select
          label={t('opportunities.type')}
          data={opportunityTypes.map((value) => ({ value, label: t(`opportunities.types.${value}`) }))}
          value={type}
          onChange={(value) => value && setType(value as OpportunityType)}
          allowDeselect={false}
        />
        <NumberInput
          label={`${t('opportunities.amount')}, ${initial.currency}`}
          value={amount}
          onChange={setAmount}
          min={0}
          allowDecimal={false}
          thousandSeparator=" "
        />
        <TextInput
          type="date"
          label={t('opportunities.expectedClose')}
          value={closeOn}
          onChange={(event) => setCloseOn(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button onClick={submit} loading={create.isPending}>
            {t('opportunities.createButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
