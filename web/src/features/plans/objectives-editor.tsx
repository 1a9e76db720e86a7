import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Currency, currencies, minorToDecimal, parseMoney } from '../../api/shared';
import { metricsQuery } from '../kpis/kpis-api';
import { membersQuery } from '../members/members-api';
import type { ActionStatus, PlanActionRow, PlanObjectiveRow } from './plans-api';

const statuses: ActionStatus[] = ['planned', 'in_progress', 'done', 'dropped'];
const blankAction: PlanActionRow = { title: '', ownerId: null, dueOn: null, status: 'planned', progress: 0 };
const blankObjective: PlanObjectiveRow = {
  title: '',
  metricKey: null,
  metricName: null,
  baseline: null,
  target: null,
  targetMinor: null,
  targetCurrency: null,
  periodFrom: null,
  periodTo: null,
  dueOn: null,
  actions: [],
};
const numberOrNull = (value: string | number) => (value === '' ? null : Number(value));

/** Edits the plan's objectives and the actions under each. */
export function ObjectivesEditor({
  objectives,
  onChange,
  disabled,
}: {
  objectives: PlanObjectiveRow[];
  onChange: (objectives: PlanObjectiveRow[]) => void;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const metrics = useQuery(metricsQuery).data ?? [];
  const members = useQuery(membersQuery).data ?? [];
  const metricOptions = metrics.map((metric) => ({
    value: metric.key,
    label: i18n.language === 'ru' ? metric.nameRu : metric.nameEn,
  }));
  const memberOptions = members.map((member) => ({ value: member.userId, label: member.name }));
  const setObjective = (index: number, patch: Partial<PlanObjectiveRow>) =>
    onChange(objectives.map((objective, at) => (at === index ? { ...objective, ...patch } : objective)));
  const setAction = (index: number, actionIndex: number, patch: Partial<PlanActionRow>) =>
    setObjective(index, {
      actions: (objectives[index]?.actions ?? []).map((action, at) =>
        at === actionIndex ? { ...action, ...patch } : action,
      ),
    });
  return (
    <Stack gap="sm">
      {objectives.map((objective, index) => (
        <Paper key={objective.id ?? `new-${index}`} withBorder p="sm">
          <Stack gap="xs">
            <Group align="end" wrap="wrap">
              <TextInput
                label={t('plans.objective')}
                value={objective.title}
                onChange={(event) => setObjective(index, { title: event.currentTarget.value })}
                disabled={disabled}
                style={{ flex: 2 }}
              />
              <Select
                label={t('plans.kpiMetric')}
                data={metricOptions}
                value={objective.metricKey}
                onChange={(value) => setObjective(index, { metricKey: value, metricName: null })}
                disabled={disabled}
                searchable
                clearable
              />
              <TextInput
                label={t('plans.metric')}
                description={t('plans.freeMetric')}
                value={objective.metricName ?? ''}
                onChange={(event) =>
                  setObjective(index, { metricName: event.currentTarget.value || null, metricKey: null })
                }
                disabled={disabled || objective.metricKey !== null}
              />
              <NumberInput
                label={t('plans.baseline')}
                value={objective.baseline ?? ''}
                onChange={(value) => setObjective(index, { baseline: numberOrNull(value) })}
                disabled={disabled}
              />
              <NumberInput
                label={t('plans.target')}
                value={objective.target ?? ''}
                onChange={(value) => setObjective(index, { target: numberOrNull(value) })}
                disabled={disabled}
              />
              <MoneyTarget objective={objective} disabled={disabled} onChange={(patch) => setObjective(index, patch)} />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('plans.remove')}
                disabled={disabled}
                onClick={() => onChange(objectives.filter((_, at) => at !== index))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            {objective.actions.map((action, actionIndex) => (
              <Group key={action.id ?? `new-${actionIndex}`} align="end" ml="lg" wrap="wrap">
                <TextInput
                  label={t('plans.action')}
                  value={action.title}
                  onChange={(event) => setAction(index, actionIndex, { title: event.currentTarget.value })}
                  disabled={disabled}
                  style={{ flex: 2 }}
                />
                <Select
                  label={t('plans.owner')}
                  data={memberOptions}
                  value={action.ownerId}
                  onChange={(value) => setAction(index, actionIndex, { ownerId: value })}
                  disabled={disabled}
                  searchable
                  clearable
                />
                <TextInput
                  type="date"
                  label={t('plans.dueOn')}
                  value={action.dueOn ?? ''}
                  onChange={(event) => setAction(index, actionIndex, { dueOn: event.currentTarget.value || null })}
                  disabled={disabled}
                />
                <Select
                  label={t('plans.actionStatus')}
                  data={statuses.map((status) => ({ value: status, label: t(`plans.actionStatuses.${status}`) }))}
                  value={action.status}
                  onChange={(value) => setAction(index, actionIndex, { status: (value ?? 'planned') as ActionStatus })}
                  disabled={disabled}
                  allowDeselect={false}
                />
                <NumberInput
                  label={t('plans.progress')}
                  min={0}
                  max={100}
                  value={action.progress}
                  onChange={(value) => setAction(index, actionIndex, { progress: Number(value) || 0 })}
                  disabled={disabled}
                  w={110}
                />
              </Group>
            ))}
            {!disabled && (
              <Button
                variant="subtle"
                size="xs"
                ml="lg"
                w="fit-content"
                onClick={() => setObjective(index, { actions: [...objective.actions, { ...blankAction }] })}
              >
                {t('plans.addAction')}
              </Button>
            )}
          </Stack>
        </Paper>
      ))}
      {!disabled && (
        <Button variant="light" w="fit-content" onClick={() => onChange([...objectives, { ...blankObjective }])}>
          {t('plans.addObjective')}
        </Button>
      )}
    </Stack>
  );
}

/** The objective's revenue target in decimal units and its currency; both or neither (the API refuses one alone). */
function MoneyTarget({
  objective,
  disabled,
  onChange,
}: {
  objective: PlanObjectiveRow;
  disabled: boolean;
  onChange: (patch: Pick<PlanObjectiveRow, 'targetMinor' | 'targetCurrency'>) => void;
}) {
  const { t } = useTranslation();
  const [currency, setCurrency] = useState<Currency>(objective.targetCurrency ?? 'RUB');
  const shown = objective.targetMinor === null ? '' : minorToDecimal(objective.targetMinor, currency);
  const commit = (text: string, inCurrency: Currency) => {
    const amount = text.trim() === '' ? null : (parseMoney(text, inCurrency) ?? objective.targetMinor);
    onChange({ targetMinor: amount, targetCurrency: amount === null ? null : inCurrency });
  };
  return (
    <Group gap={4} align="end" wrap="nowrap">
      <TextInput
        label={t('plans.moneyTarget')}
        defaultValue={shown}
        key={`${objective.targetMinor}-${currency}`}
        onBlur={(event) => commit(event.currentTarget.value, currency)}
        disabled={disabled}
        w={150}
      />
      <Select
        aria-label={t('plans.moneyTargetCurrency')}
        data={[...currencies]}
        value={currency}
        onChange={(value) => {
          if (!value) return;
          // NOTE: the amount keeps its decimal reading (1 000.00 stays 1 000.00) in the new currency.
          setCurrency(value as Currency);
          if (objective.targetMinor !== null) commit(shown, value as Currency);
        }}
        disabled={disabled}
        allowDeselect={false}
        w={90}
      />
    </Group>
  );
}
