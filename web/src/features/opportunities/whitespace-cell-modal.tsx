import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Currency,
  currencies,
  minorToDecimal,
  parseMoney,
  type WhitespaceState,
  whitespaceStates,
} from '../../api/shared';
import { notifyError } from '../../shared/notify';
import { type BuyingCentreKind, type CellInput, opportunitiesApi, useOpportunityMutation } from './opportunities-api';

/** Fills or changes one cell of the matrix: state, current revenue and potential, in decimal units. */
export function WhitespaceCellModal({
  cell,
  context,
  onClose,
}: {
  cell: CellInput;
  /** What the cell is, for the title: «ERP · ИТ-дирекция». */
  context: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<WhitespaceState>(cell.state);
  const [currency, setCurrency] = useState<Currency>(cell.currency);
  const [revenue, setRevenue] = useState(minorToDecimal(cell.currentRevenueMinor, cell.currency));
  const [potential, setPotential] = useState(minorToDecimal(cell.potentialMinor, cell.currency));
  const [competitor, setCompetitor] = useState(cell.competitor ?? '');
  const save = useOpportunityMutation(opportunitiesApi.saveCell);
  const revenueMinor = parseMoney(revenue || '0', currency);
  const potentialMinor = parseMoney(potential || '0', currency);
  const submit = () => {
    if (revenueMinor === undefined || potentialMinor === undefined) return;
    save.mutate(
      {
        ...cell,
        state,
        currency,
        currentRevenueMinor: revenueMinor,
        potentialMinor,
        competitor: state === 'competitor' ? competitor.trim() || null : null,
      },
      { onSuccess: onClose, onError: notifyError },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('opportunities.editCell', { cell: context })}>
      <Stack>
        <Select
          label={t('opportunities.state')}
          data={whitespaceStates.map((value) => ({ value, label: t(`opportunities.states.${value}`) }))}
          value={state}
          onChange={(value) => value && setState(value as WhitespaceState)}
          allowDeselect={false}
        />
        <Select
          label={t('opportunities.forecast.currency')}
          data={[...currencies]}
          value={currency}
          onChange={(value) => value && setCurrency(value as Currency)}
          allowDeselect={false}
        />
        <TextInput
          label={t('opportunities.currentRevenue')}
          value={revenue}
          onChange={(event) => setRevenue(event.currentTarget.value)}
          error={revenueMinor === undefined ? t('opportunities.forecast.badAmount') : undefined}
        />
        <TextInput
          label={t('opportunities.potential')}
          value={potential}
          onChange={(event) => setPotential(event.currentTarget.value)}
          error={potentialMinor === undefined ? t('opportunities.forecast.badAmount') : undefined}
        />
        {state === 'competitor' && (
          <TextInput
            label={t('opportunities.competitor')}
            value={competitor}
            onChange={(event) => setCompetitor(event.currentTarget.value)}
          />
        )}
        <Group justify="flex-end">
          <Button onClick={submit} loading={save.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const centreKinds: BuyingCentreKind[] = ['division', 'function', 'region'];

/** Adds a buying centre by hand (a function or a region the hierarchy does not have). */
export function AddCentreModal({ accountId, onClose }: { accountId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<BuyingCentreKind>('function');
  const add = useOpportunityMutation(opportunitiesApi.addCentre);
  return (
    <Modal opened onClose={onClose} title={t('opportunities.addCentre')}>
      <Stack>
        <TextInput
          label={t('opportunities.centreName')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          required
          data-autofocus
        />
        <Select
          label={t('opportunities.centreKind')}
          data={centreKinds.map((value) => ({ value, label: t(`opportunities.centreKinds.${value}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value as BuyingCentreKind)}
          allowDeselect={false}
        />
        <Group justify="flex-end">
          <Button
            onClick={() => add.mutate({ accountId, name, kind }, { onSuccess: onClose, onError: notifyError })}
            loading={add.isPending}
          >
            {t('opportunities.addCentre')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
