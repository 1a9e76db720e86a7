import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanCompetitorRow } from './plans-api';

const threats: PlanCompetitorRow['threat'][] = ['low', 'medium', 'high'];
const blankCompetitor: PlanCompetitorRow = {
  name: '',
  shareOfWallet: null,
  strengths: null,
  weaknesses: null,
  threat: 'medium',
};

/** Edits who competes with us on the account: share of wallet, strengths, weaknesses and threat. */
export function CompetitorsEditor({
  competitors,
  onChange,
  disabled,
}: {
  competitors: PlanCompetitorRow[];
  onChange: (competitors: PlanCompetitorRow[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<PlanCompetitorRow>) =>
    onChange(competitors.map((competitor, at) => (at === index ? { ...competitor, ...patch } : competitor)));
  return (
    <Stack gap="sm">
      {competitors.map((competitor, index) => (
        <Paper key={competitor.id ?? `new-${index}`} withBorder p="sm">
          <Group align="end" wrap="wrap">
            <TextInput
              label={t('plans.competitorName')}
              value={competitor.name}
              onChange={(event) => set(index, { name: event.currentTarget.value })}
              disabled={disabled}
            />
            <NumberInput
              label={t('plans.shareOfWallet')}
              value={competitor.shareOfWallet ?? ''}
              min={0}
              max={100}
              allowDecimal={false}
              onChange={(value) => set(index, { shareOfWallet: value === '' ? null : Number(value) })}
              disabled={disabled}
              w={150}
            />
            <TextInput
              label={t('plans.strengths')}
              value={competitor.strengths ?? ''}
              onChange={(event) => set(index, { strengths: event.currentTarget.value || null })}
              disabled={disabled}
              style={{ flex: 1 }}
            />
            <TextInput
              label={t('plans.weaknesses')}
              value={competitor.weaknesses ?? ''}
              onChange={(event) => set(index, { weaknesses: event.currentTarget.value || null })}
              disabled={disabled}
              style={{ flex: 1 }}
            />
            <Select
              label={t('plans.threat')}
              data={threats.map((value) => ({ value, label: t(`plans.threats.${value}`) }))}
              value={competitor.threat}
              onChange={(value) => value && set(index, { threat: value as PlanCompetitorRow['threat'] })}
              disabled={disabled}
              allowDeselect={false}
              w={120}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('plans.remove')}
              disabled={disabled}
              onClick={() => onChange(competitors.filter((_, at) => at !== index))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      {!disabled && (
        <Button variant="light" w="fit-content" onClick={() => onChange([...competitors, { ...blankCompetitor }])}>
          {t('plans.addCompetitor')}
        </Button>
      )}
    </Stack>
  );
}
