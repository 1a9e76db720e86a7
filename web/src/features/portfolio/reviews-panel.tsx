import { Badge, Button, Center, Group, Loader, Paper, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconArrowRight, IconChartDots3, IconPlayerPlay } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quadrants } from '../../api/shared';
import { AnchorLink } from '../../shared/anchor-link';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { comparisonQuery, type Move, reviewsQuery, type TransitionEnd } from './portfolio-api';
import type { PortfolioSearch } from './portfolio-search';
import { formatScore, quadrantColors } from './portfolio-values';
import { QuadrantBadge } from './quadrant-badge';
import { RunReviewModal } from './run-review-modal';

const movesShown = 200;

type ReviewsPanelProps = {
  search: PortfolioSearch;
  onChange: (change: Partial<PortfolioSearch>) => void;
};

/** The reviews held, running a new one, and comparing two (or one with today): transitions and moves. */
export function ReviewsPanel({ search, onChange }: ReviewsPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const canRun = useCan('portfolio:manage');
  const [running, setRunning] = useState(false);
  const reviews = useQuery(reviewsQuery);
  if (reviews.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label={t('table.loading')} />
      </Center>
    );
  }
  const items = reviews.data?.items ?? [];
  const options = items.map((review) => ({
    value: review.id,
    label: `${review.name} (${format.date(review.heldAt)})`,
  }));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={4}>{t('portfolio.tabs.reviews')}</Title>
        {canRun && (
          <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => setRunning(true)}>
            {t('portfolio.reviews.run')}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('portfolio.reviews.empty')}
        </Text>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('portfolio.reviews.name')}</Table.Th>
                <Table.Th>{t('portfolio.reviews.heldAt')}</Table.Th>
                <Table.Th>{t('portfolio.reviews.heldBy')}</Table.Th>
                <Table.Th>{t('portfolio.reviews.model')}</Table.Th>
                <Table.Th>{t('portfolio.reviews.accounts')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((review) => (
                <Table.Tr key={review.id}>
                  <Table.Td>{review.name}</Table.Td>
                  <Table.Td>{format.date(review.heldAt)}</Table.Td>
                  <Table.Td>{review.heldBy?.name ?? '—'}</Table.Td>
                  <Table.Td>{review.modelVersion}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {quadrants.map((quadrant) => (
                        <Badge key={quadrant} size="sm" variant="light" color={quadrantColors[quadrant]}>
                          {t(`portfolio.quadrant.${quadrant}`)}: {review.counts[quadrant]}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => onChange({ from: review.id, to: undefined })}>
                      {t('portfolio.reviews.compare')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {items.length > 0 && (
        <Group align="flex-end">
          <Select
            w={320}
            label={t('portfolio.reviews.from')}
            data={options}
            value={search.from ?? null}
            onChange={(value) =>
              onChange({ from: value ?? undefined, to: value === search.to ? undefined : search.to })
            }
          />
          <Select
            w={320}
            label={t('portfolio.reviews.to')}
            data={[
              { value: '', label: t('portfolio.reviews.today') },
              ...options.filter((option) => option.value !== search.from),
            ]}
            value={search.to ?? ''}
            onChange={(value) => onChange({ to: value || undefined })}
            allowDeselect={false}
          />
          {search.from && (
            <Button
              variant="light"
              leftSection={<IconChartDots3 size={16} />}
              onClick={() => onChange({ tab: undefined })}
            >
              {t('portfolio.reviews.showOnChart')}
            </Button>
          )}
        </Group>
      )}
      {search.from && <Comparison from={search.from} to={search.to} />}
      <RunReviewModal
        opened={running}
        onClose={() => setRunning(false)}
        onDone={(review) => onChange({ from: review.id, to: undefined })}
      />
    </Stack>
  );
}

function Comparison({ from, to }: { from: string; to?: string }) {
  const { t, i18n } = useTranslation();
  const [onlyQuadrants, setOnlyQuadrants] = useState(true);
  const comparison = useQuery(comparisonQuery(from, to));
  if (!comparison.data) {
    return (
      <Center h={160}>
        <Loader aria-label={t('table.loading')} />
      </Center>
    );
  }
  const endName = (end: TransitionEnd) =>
    end === 'absent'
      ? t('portfolio.reviews.absent')
      : end === 'unscored'
        ? t('portfolio.unscored')
        : t(`portfolio.quadrant.${end}`);
  const moves = comparison.data.moves.filter((move) => !onlyQuadrants || move.quadrantChanged);
  const score = (value: number | null | undefined) => formatScore(value ?? null, i18n.language);
  const position = (place: Move['from']) =>
    place ? `${score(place.attractiveness)} / ${score(place.strength)}` : t('portfolio.reviews.absent');
  return (
    <Stack gap="sm">
      <Title order={5}>{t('portfolio.reviews.transitions')}</Title>
      <Group gap="xs">
        {comparison.data.transitions
          .filter((transition) => transition.from !== transition.to)
          .map((transition) => (
            <Badge key={`${transition.from}-${transition.to}`} variant="light" color="gray" size="lg">
              {endName(transition.from)} → {endName(transition.to)}: {transition.count}
            </Badge>
          ))}
      </Group>
      <Group justify="space-between">
        <Title order={5}>{t('portfolio.reviews.moves')}</Title>
        <Switch
          label={t('portfolio.reviews.onlyQuadrantChanges')}
          checked={onlyQuadrants}
          onChange={(event) => setOnlyQuadrants(event.currentTarget.checked)}
        />
      </Group>
      {moves.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('portfolio.reviews.noMoves')}
        </Text>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing={4} aria-label={t('portfolio.reviews.moves')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('portfolio.table.name')}</Table.Th>
                <Table.Th>{t('portfolio.table.quadrant')}</Table.Th>
                <Table.Th>
                  {t('portfolio.axis.attractiveness')} / {t('portfolio.axis.strength')}
                </Table.Th>
                <Table.Th>{t('portfolio.reviews.distance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {moves.slice(0, movesShown).map((move) => (
                <Table.Tr key={move.accountId}>
                  <Table.Td>
                    <AnchorLink to="/accounts/$accountId" params={{ accountId: move.accountId }} size="sm">
                      {move.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <QuadrantBadge quadrant={move.from?.quadrant ?? null} />
                      <IconArrowRight size={14} />
                      <QuadrantBadge quadrant={move.to?.quadrant ?? null} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {position(move.from)} → {position(move.to)}
                  </Table.Td>
                  <Table.Td>{score(move.distance)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {moves.length > movesShown && (
        <Text size="sm" c="dimmed">
          {t('portfolio.reviews.movesLimited', { shown: movesShown, total: moves.length })}
        </Text>
      )}
    </Stack>
  );
}
