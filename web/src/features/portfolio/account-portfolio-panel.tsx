import { Alert, Badge, Button, Grid, Group, Paper, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowDownRight, IconStar, IconThumbUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Axis } from '../../api/shared';
import { currentLanguage } from '../../i18n';
import { useFormat } from '../../shared/use-format';
import { useCan } from '../auth/session';
import { DecisionModal } from './decision-modal';
import { DemotionModal } from './demotion-modal';
import { DesignationCard } from './designation-card';
import { NominationModal } from './nomination-modal';
import {
  type AccountPortfolio,
  type AxisScore,
  accountPortfolioQuery,
  type Designation,
  portfolioModelQuery,
} from './portfolio-api';
import { formatScore } from './portfolio-values';
import { QuadrantBadge } from './quadrant-badge';
import { RatingModal } from './rating-modal';
import { useCriteria } from './use-criteria';

/**
 * The account's place in the portfolio: both scores and what each criterion adds, what is missing,
 * the quadrant and its posture, change since the last review, rating and designation.
 */
export function AccountPortfolioPanel({ accountId }: { accountId: string }) {
  const canRead = useCan('portfolio:read');
  const portfolio = useQuery({ ...accountPortfolioQuery(accountId), enabled: canRead });
  if (!canRead || !portfolio.data) return null;
  return <PortfolioPanel portfolio={portfolio.data} />;
}

function PortfolioPanel({ portfolio }: { portfolio: AccountPortfolio }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const model = useQuery(portfolioModelQuery).data;
  const criteria = useCriteria();
  const [dialog, setDialog] = useState<'rate' | 'nominate' | 'demote' | null>(null);
  const [deciding, setDeciding] = useState<{ designation: Designation; decision: 'approve' | 'reject' } | null>(null);
  const score = (value: number | null) => formatScore(value, i18n.language);
  const pending = portfolio.designations.find((designation) => designation.status === 'pending');
  const thresholds = model?.thresholds ?? { attractiveness: 50, strength: 50 };
  const since = portfolio.sinceLastReview;
  const side = (value: number | null, threshold: number) =>
    value !== null && value >= threshold ? t('portfolio.account.atOrAbove') : t('portfolio.account.below');

  return (
    <Paper withBorder p="md" aria-labelledby="portfolio-panel-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Group gap="sm">
            <Title order={4} id="portfolio-panel-title">
              {t('portfolio.account.title')}
            </Title>
            <QuadrantBadge quadrant={portfolio.quadrant} complete={portfolio.complete} />
            <Text size="xs" c="dimmed">
              {portfolio.modelVersion > 0
                ? t('portfolio.account.modelVersion', { version: portfolio.modelVersion })
                : t('portfolio.account.defaultModel')}
            </Text>
          </Group>
          <Group gap="xs">
            {portfolio.may.rate && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconThumbUp size={14} />}
                onClick={() => setDialog('rate')}
              >
                {t('portfolio.account.rate')}
              </Button>
            )}
            {portfolio.may.nominate && (
              <Button
                size="xs"
                variant="light"
                color="violet"
                leftSection={<IconStar size={14} />}
                onClick={() => setDialog('nominate')}
              >
                {t('portfolio.account.nominate')}
              </Button>
            )}
            {portfolio.may.decide && portfolio.account.status === 'key' && (
              <Button
                size="xs"
                variant="light"
                color="orange"
                leftSection={<IconArrowDownRight size={14} />}
                onClick={() => setDialog('demote')}
              >
                {t('portfolio.account.demote')}
              </Button>
            )}
          </Group>
        </Group>
        <Text size="sm" data-testid="portfolio-why">
          {portfolio.quadrant
            ? t('portfolio.account.why', {
                quadrant: t(`portfolio.quadrant.${portfolio.quadrant}`),
                attractiveness: score(portfolio.attractiveness.score),
                attractivenessSide: side(portfolio.attractiveness.score, thresholds.attractiveness),
                attractivenessThreshold: thresholds.attractiveness,
                strength: score(portfolio.strength.score),
                strengthSide: side(portfolio.strength.score, thresholds.strength),
                strengthThreshold: thresholds.strength,
              })
            : t('portfolio.account.whyNone')}
        </Text>
        {portfolio.posture && portfolio.quadrant && (
          <Alert
            variant="light"
            color="indigo"
            title={t('portfolio.account.posture', { quadrant: t(`portfolio.quadrant.${portfolio.quadrant}`) })}
          >
            {portfolio.posture}
          </Alert>
        )}
        <Grid gap="md">
          {(['attractiveness', 'strength'] as const).map((axis) => (
            <Grid.Col key={axis} span={{ base: 12, lg: 6 }}>
              <AxisBreakdown
                axis={axis}
                axisScore={portfolio[axis]}
                portfolio={portfolio}
                unavailable={model?.unavailable ?? []}
              />
            </Grid.Col>
          ))}
        </Grid>
        <Stack gap={4}>
          {since ? (
            <>
              <Text size="sm" fw={600}>
                {t('portfolio.account.sinceReview', {
                  review: since.review.name,
                  date: format.date(since.review.heldAt),
                })}
              </Text>
              <Group gap="xs">
                <QuadrantBadge quadrant={since.before.quadrant} complete={since.before.complete} />
                <Text size="sm">→</Text>
                <QuadrantBadge quadrant={portfolio.quadrant} complete={portfolio.complete} />
                <Text size="sm" c="dimmed">
                  {t('portfolio.axis.attractiveness')} {score(since.before.attractiveness)} →{' '}
                  {score(portfolio.attractiveness.score)}; {t('portfolio.axis.strength')} {score(since.before.strength)}{' '}
                  → {score(portfolio.strength.score)}
                </Text>
              </Group>
              {since.changes.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('portfolio.account.noChange')}
                </Text>
              ) : (
                since.changes.map((change) => (
                  <Text key={change.criterion} size="sm">
                    {t('portfolio.account.change', {
                      criterion: criteria.label(change.criterion),
                      before: change.before ?? '—',
                      after: change.after ?? '—',
                    })}
                  </Text>
                ))
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('portfolio.account.noReview')}
            </Text>
          )}
        </Stack>
        <Title order={5}>{t('portfolio.account.history')}</Title>
        {portfolio.designations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('portfolio.account.noHistory')}
          </Text>
        ) : (
          portfolio.designations.map((designation) => (
            <DesignationCard
              key={designation.id}
              designation={designation}
              onDecide={portfolio.may.decide ? (decision) => setDeciding({ designation, decision }) : undefined}
            />
          ))
        )}
        {pending && !portfolio.may.decide && (
          <Badge color="yellow" variant="light">
            {t('portfolio.account.pending')}
          </Badge>
        )}
      </Stack>
      <RatingModal portfolio={portfolio} opened={dialog === 'rate'} onClose={() => setDialog(null)} />
      <NominationModal portfolio={portfolio} opened={dialog === 'nominate'} onClose={() => setDialog(null)} />
      <DemotionModal portfolio={portfolio} opened={dialog === 'demote'} onClose={() => setDialog(null)} />
      <DecisionModal
        designation={deciding?.designation ?? null}
        decision={deciding?.decision ?? 'approve'}
        onClose={() => setDeciding(null)}
      />
    </Paper>
  );
}

type AxisBreakdownProps = { axis: Axis; axisScore: AxisScore; portfolio: AccountPortfolio; unavailable: string[] };

/** One axis: its score, each criterion's weight, input, value and points (which add up to the score). */
function AxisBreakdown({ axis, axisScore, portfolio, unavailable }: AxisBreakdownProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const criteria = useCriteria();
  const language = currentLanguage();
  const ratings = new Map(portfolio.ratings.map((rating) => [rating.criterion, rating]));
  const score = (value: number | null) => formatScore(value, i18n.language);
  const inputText = (key: string, input: number | null) => {
    const criterion = criteria.byKey.get(key);
    if (input === null) {
      if (unavailable.includes(key)) return t('portfolio.account.unavailable');
      return criterion?.source.kind === 'fact' ? t('portfolio.account.noData') : t('portfolio.account.notRated');
    }
    if (criterion?.source.kind === 'rating')
      return t('portfolio.account.ratingInput', { value: input, max: criterion.source.max });
    return score(input);
  };
  return (
    <Stack gap={6} data-axis={axis}>
      <Group justify="space-between">
        <Text fw={600}>{t(`portfolio.axis.${axis}`)}</Text>
        <Group gap={6}>
          <Text fw={700} size="xl" data-testid={`score-${axis}`}>
            {axisScore.score === null ? t('portfolio.account.noScore') : score(axisScore.score)}
          </Text>
          {!axisScore.complete && axisScore.score !== null && (
            <Tooltip label={t('portfolio.provisionalHint')}>
              <Badge color="orange" variant="outline">
                {t('portfolio.provisional')}
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Group>
      {axisScore.missing.length > 0 && (
        <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
          <Text size="sm">
            {t('portfolio.account.missing', {
              criteria: axisScore.missing.map((key) => criteria.label(key)).join(', '),
            })}
          </Text>
        </Alert>
      )}
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('portfolio.account.criterion')}</Table.Th>
            <Table.Th>{t('portfolio.account.weight')}</Table.Th>
            <Table.Th>{t('portfolio.account.input')}</Table.Th>
            <Table.Th>{t('portfolio.account.points')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {axisScore.contributions.map((part) => {
            const rating = ratings.get(part.key);
            return (
              <Table.Tr key={part.key}>
                <Table.Td>
                  <Text size="sm">{criteria.label(part.key)}</Text>
                  {rating?.comment && (
                    <Text size="xs" c="dimmed" fs="italic">
                      «{rating.comment}» —{' '}
                      {t('portfolio.account.ratedBy', {
                        name: rating.ratedBy.name ?? '—',
                        date: format.date(rating.ratedAt),
                      })}
                    </Text>
                  )}
                  {criteria.byKey.get(part.key)?.description && !rating?.comment && (
                    <Text size="xs" c="dimmed">
                      {criteria.byKey.get(part.key)?.description?.[language]}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{Math.round(part.share * 100)}%</Table.Td>
                <Table.Td c={part.input === null ? 'orange' : undefined}>{inputText(part.key, part.input)}</Table.Td>
                <Table.Td w={110}>
                  <Text size="sm">{score(part.points)}</Text>
                  <Progress size="xs" value={part.value ?? 0} aria-label={t('portfolio.account.value')} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
