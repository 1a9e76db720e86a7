import {
  Breadcrumbs,
  Button,
  Center,
  ColorSwatch,
  Group,
  Loader,
  Menu,
  Paper,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouteErrorPage } from '../../app/route-status';
import { AnchorLink } from '../../shared/anchor-link';
import { notifyError } from '../../shared/notify';
import { useCan } from '../auth/session';
import { exportChart } from './export-chart';
import { largeChart, OrgChartCanvas, supportColours } from './org-chart-canvas';
import { type OrgChart, orgChartQuery } from './relationships-api';
import { StakeholderDrawer } from './stakeholder-drawer';

/** The relationship map of an account: its org chart, full screen, with the stakeholder drawer. */
export function OrgChartPage() {
  const { t } = useTranslation();
  const { accountId } = useParams({ from: '/app/accounts/$accountId/relationship-map' });
  const query = useQuery(orgChartQuery(accountId));
  if (query.isError) return <RouteErrorPage error={query.error} />;
  if (!query.data) {
    return (
      <Center h="50vh">
        <Loader aria-label={t('orgChart.loading')} />
      </Center>
    );
  }
  return (
    <ReactFlowProvider>
      <OrgChartView chart={query.data} />
    </ReactFlowProvider>
  );
}

const supportLegend = ['mentor', 'supporter', 'neutral', 'non_supporter', 'enemy'] as const;

/** Resolves once `count` cards are in the page (or after ten seconds, to export what there is). */
function allCardsDrawn(container: HTMLElement, count: number): Promise<void> {
  const started = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const drawn = container.querySelectorAll('[data-testid=stakeholder-card]').length;
      if (drawn >= count || performance.now() - started > 10_000) resolve();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

function OrgChartView({ chart }: { chart: OrgChart }) {
  const { t } = useTranslation();
  const canEdit = useCan('contacts:write');
  const [keyPlayersOnly, setKeyPlayersOnly] = useState(false);
  const [showLinks, setShowLinks] = useState(true);
  const [openId, setOpenId] = useState<string | undefined>();
  const [exporting, setExporting] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const { getNodes, fitView, getViewport, setViewport } = useReactFlow();

  const download = async (format: 'png' | 'svg') => {
    const viewport = frame.current?.querySelector<HTMLElement>('.react-flow__viewport');
    if (!viewport) return;
    setExporting(true);
    const view = getViewport();
    try {
      // NOTE: a large chart draws only the cards in view; showing all of them first puts every card in the picture.
      if (chart.people.length > largeChart) {
        await fitView();
        await allCardsDrawn(viewport, getNodes().length);
      }
      await exportChart(viewport, getNodes(), format, `${chart.account.name} — ${t('orgChart.title')}`);
    } catch {
      notifyError(new Error(t('orgChart.exportFailed')));
    } finally {
      if (chart.people.length > largeChart) await setViewport(view);
      setExporting(false);
    }
  };

  return (
    <Stack gap="sm" h="calc(100dvh - 56px - 2 * var(--mantine-spacing-md))">
      <Breadcrumbs>
        <AnchorLink to="/accounts" size="sm">
          {t('accounts.title')}
        </AnchorLink>
        <AnchorLink to="/accounts/$accountId" params={{ accountId: chart.account.id }} size="sm">
          {chart.account.name}
        </AnchorLink>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>
            {t('orgChart.title')}: {chart.account.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t('orgChart.people', { count: chart.people.length })}
            {canEdit && chart.people.length > 1 ? ` · ${t('orgChart.dragHint')}` : ''}
          </Text>
        </div>
        <Group gap="md">
          <Switch
            label={t('orgChart.keyPlayersOnly')}
            checked={keyPlayersOnly}
            onChange={(event) => setKeyPlayersOnly(event.currentTarget.checked)}
          />
          <Switch
            label={t('orgChart.dottedLines')}
            checked={showLinks}
            onChange={(event) => setShowLinks(event.currentTarget.checked)}
          />
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="light" leftSection={<IconDownload size={16} />} loading={exporting}>
                {t('orgChart.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void download('png')}>{t('orgChart.exportPng')}</Menu.Item>
              <Menu.Item onClick={() => void download('svg')}>{t('orgChart.exportSvg')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {t('orgChart.legend')}:
        </Text>
        {supportLegend.map((support) => (
          <Group key={support} gap={4}>
            <ColorSwatch color={supportColours[support] ?? 'gray'} size={12} />
            <Text size="xs">{t(`support.${support}`)}</Text>
          </Group>
        ))}
      </Group>
      <Paper
        withBorder
        flex={1}
        pos="relative"
        ref={frame}
        aria-label={t('orgChart.chart', { name: chart.account.name })}
      >
        {chart.people.length === 0 ? (
          <Center h="100%">
            <Text c="dimmed">{t('orgChart.empty')}</Text>
          </Center>
        ) : (
          <OrgChartCanvas
            chart={chart}
            keyPlayersOnly={keyPlayersOnly}
            showLinks={showLinks}
            canEdit={canEdit}
            onOpen={setOpenId}
          />
        )}
      </Paper>
      <StakeholderDrawer contactId={openId} onClose={() => setOpenId(undefined)} colleagues={chart.people} />
    </Stack>
  );
}
