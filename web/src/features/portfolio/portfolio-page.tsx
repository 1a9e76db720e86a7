import { Group, Stack, Tabs, Title } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../shared/anchor-link';
import { useCan } from '../auth/session';
import { ApprovalsPanel } from './approvals-panel';
import { designationsQuery } from './portfolio-api';
import { PortfolioMatrix } from './portfolio-matrix';
import { type PortfolioSearch, type PortfolioTab, portfolioTabs } from './portfolio-search';
import { ReviewsPanel } from './reviews-panel';

/** The portfolio: the KAM matrix with its table, the reviews, and the approvals queue. */
export function PortfolioPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/portfolio' });
  const navigate = useNavigate({ from: '/portfolio' });
  const canManage = useCan('portfolio:manage');
  const pending = useQuery(designationsQuery('pending')).data?.items.length ?? 0;
  const tab = search.tab ?? 'map';
  const change = useCallback(
    (update: Partial<PortfolioSearch>) =>
      void navigate({ search: (previous) => ({ ...previous, ...update }), replace: true }),
    [navigate],
  );
  const clear = () => change({ owner: undefined, industry: undefined, status: undefined, keyOnly: undefined });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('portfolio.title')}</Title>
        {canManage && (
          <AnchorLink to="/settings" search={{ tab: 'portfolio' }} size="sm">
            <Group gap={4}>
              <IconSettings size={16} />
              {t('settings.tabs.portfolio')}
            </Group>
          </AnchorLink>
        )}
      </Group>
      <Tabs
        value={tab}
        onChange={(value) =>
          change({
            tab:
              value === 'map' || !portfolioTabs.includes(value as PortfolioTab) ? undefined : (value as PortfolioTab),
          })
        }
        keepMounted={false}
      >
        <Tabs.List mb="sm">
          <Tabs.Tab value="map">{t('portfolio.tabs.map')}</Tabs.Tab>
          <Tabs.Tab value="reviews">{t('portfolio.tabs.reviews')}</Tabs.Tab>
          <Tabs.Tab value="approvals">
            {pending > 0 ? t('portfolio.tabs.approvalsCount', { count: pending }) : t('portfolio.tabs.approvals')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="map">
          <PortfolioMatrix search={search} onChange={change} onClear={clear} />
        </Tabs.Panel>
        <Tabs.Panel value="reviews">
          <ReviewsPanel search={search} onChange={change} />
        </Tabs.Panel>
        <Tabs.Panel value="approvals">
          <ApprovalsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
