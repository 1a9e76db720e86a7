import { Alert, Button, Group, Text } from '@mantine/core';
import { IconZoomOut } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartClick } from '../../shared/echart';
import { type ChartTexts, chartOption, escapeHtml, type GroupDatum, type PointDatum } from './chart-option';
import type { Portfolio } from './portfolio-api';
import {
  type Arrow,
  bubbleSizer,
  type ChartWindow,
  formatScore,
  fullWindow,
  groupRows,
  inWindow,
  isFullWindow,
  placedRows,
  zoomInto,
} from './portfolio-values';

/** Above this many accounts in view, dense areas are grouped unless the user asks for every point. */
const pointLimit = 1500;
const gridCells = 24;

type PortfolioChartProps = {
  portfolio: Portfolio;
  colorBy: 'quadrant' | 'owner';
  movement: { arrows: Arrow[]; total: number; review: string } | null;
  onClearMovement: () => void;
  onOpen: (accountId: string) => void;
  onRendered?: () => void;
};

/**
 * The KAM matrix: every scored account as a bubble (strength across, attractiveness up), the
 * quadrants and thresholds behind, movement arrows on top. Thousands of accounts are grouped per
 * grid cell, visibly, until the user zooms in or asks for every point.
 */
export function PortfolioChart({
  portfolio,
  colorBy,
  movement,
  onClearMovement,
  onOpen,
  onRendered,
}: PortfolioChartProps) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<ChartWindow>(fullWindow);
  const [mode, setMode] = useState<'auto' | 'points' | 'groups'>('auto');
  const placed = useMemo(() => placedRows(portfolio.items), [portfolio.items]);
  const visible = useMemo(() => inWindow(placed, view), [placed, view]);
  const grouped = mode === 'groups' || (mode === 'auto' && visible.length > pointLimit);
  const groups = useMemo(() => (grouped ? groupRows(visible, view, gridCells) : null), [grouped, visible, view]);
  const sizer = useMemo(() => bubbleSizer(portfolio.items.map((row) => row.size)), [portfolio.items]);
  const owners = portfolio.owners;
  const language = i18n.language;

  const texts = useMemo((): ChartTexts => {
    const ownerNames = new Map(owners.map((owner) => [owner.id, owner.name]));
    const score = (value: number | null) => formatScore(value, language);
    return {
      axis: { attractiveness: t('portfolio.axis.attractiveness'), strength: t('portfolio.axis.strength') },
      quadrant: {
        strategic: t('portfolio.quadrant.strategic'),
        star: t('portfolio.quadrant.star'),
        status: t('portfolio.quadrant.status'),
        streamline: t('portfolio.quadrant.streamline'),
      },
      tooltip: (datum: PointDatum | GroupDatum) => {
        if ('group' in datum) {
          return `<b>${escapeHtml(t('portfolio.chart.group', { count: datum.group.count }))}</b><br/>${escapeHtml(
            t('portfolio.chart.groupHint'),
          )}`;
        }
        const { row } = datum;
        const lines = [
          `<b>${escapeHtml(row.name)}</b>`,
          escapeHtml(`${t('portfolio.table.owner')}: ${ownerNames.get(row.ownerId) ?? '—'}`),
          escapeHtml(`${t('portfolio.table.status')}: ${t(`accountStatus.${row.status}`)}`),
          escapeHtml(`${t('portfolio.axis.attractiveness')}: ${score(row.attractiveness)}`),
          escapeHtml(`${t('portfolio.axis.strength')}: ${score(row.strength)}`),
          escapeHtml(row.quadrant ? t(`portfolio.quadrant.${row.quadrant}`) : t('portfolio.unscored')),
          ...(row.complete ? [] : [`<i>${escapeHtml(t('portfolio.provisional'))}</i>`]),
          ...(row.size !== null ? [escapeHtml(`${t('portfolio.filters.sizeBy')}: ${score(row.size)}`)] : []),
          `<small>${escapeHtml(t('portfolio.chart.open'))}</small>`,
        ];
        return lines.join('<br/>');
      },
    };
  }, [t, owners, language]);

  const option = useMemo(
    () =>
      chartOption({
        view,
        thresholds: portfolio.thresholds,
        colorBy,
        owners,
        points: groups ? null : visible,
        groups,
        sizeOf: (row) => sizer(row.size),
        arrows: movement?.arrows ?? [],
        texts,
      }),
    [view, portfolio.thresholds, colorBy, owners, groups, visible, sizer, movement, texts],
  );

  const onClick = (event: EChartClick) => {
    const datum = event.data as Partial<PointDatum & GroupDatum> | undefined;
    if (datum?.group) setView(zoomInto(datum.group.bounds));
    else if (datum?.accountId) onOpen(datum.accountId);
  };
  const round = (value: number) => formatScore(value, language);

  return (
    <>
      {groups && (
        <Alert color="blue" variant="light" p="xs">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('portfolio.chart.grouped', { count: visible.length, groups: groups.length })}</Text>
            <Button size="xs" variant="white" onClick={() => setMode('points')}>
              {t('portfolio.chart.showAll')}
            </Button>
          </Group>
        </Alert>
      )}
      {!groups && mode === 'points' && visible.length > pointLimit && (
        <Group justify="flex-end">
          <Button size="xs" variant="subtle" onClick={() => setMode('auto')}>
            {t('portfolio.chart.showGroups')}
          </Button>
        </Group>
      )}
      {!isFullWindow(view) && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('portfolio.chart.zoomed', {
              x0: round(view.x0),
              x1: round(view.x1),
              y0: round(view.y0),
              y1: round(view.y1),
            })}
          </Text>
          <Button size="xs" variant="light" leftSection={<IconZoomOut size={14} />} onClick={() => setView(fullWindow)}>
            {t('portfolio.chart.zoomOut')}
          </Button>
        </Group>
      )}
      {movement && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {movement.total > movement.arrows.length
              ? t('portfolio.chart.arrowsLimited', {
                  shown: movement.arrows.length,
                  total: movement.total,
                  review: movement.review,
                })
              : t('portfolio.chart.arrows', { review: movement.review })}
          </Text>
          <Button size="xs" variant="subtle" onClick={onClearMovement}>
            {t('portfolio.chart.clearArrows')}
          </Button>
        </Group>
      )}
      {placed.length === 0 ? (
        <Text c="dimmed" size="sm" py="xl" ta="center">
          {t('portfolio.chart.empty')}
        </Text>
      ) : (
        <EChart option={option} label={t('portfolio.chart.label')} onClick={onClick} onRendered={onRendered} />
      )}
    </>
  );
}
