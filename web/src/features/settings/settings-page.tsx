import { Stack, Tabs, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../api/shared';
import { useMe } from '../auth/session';
import { LoyaltySettings } from '../client-care/loyalty-settings';
import { CustomFieldsEditor } from '../custom-fields/custom-fields-editor';
import { BriefTemplatesSettings } from '../delivery/brief-templates-settings';
import { DeliverySettingsPanel } from '../delivery/delivery-settings-panel';
import { FinanceSettingsPanel } from '../finance/finance-settings-panel';
import { KpiSettingsPanel } from '../kpis/kpi-settings-panel';
import { MembersPanel } from '../members/members-panel';
import { OpportunitySettingsPanel } from '../opportunities/opportunity-settings-panel';
import { PlanTemplatePanel } from '../plans/plan-template-panel';
import { PortfolioModelSettings } from '../portfolio/model-settings';
import { RelationshipSettingsPanel } from '../relationships/relationship-settings-panel';
import { BackupPanel } from './backup-panel';
import { WorkspaceSettingsPanel } from './workspace-settings-form';

const tabs = [
  'workspace',
  'members',
  'custom-fields',
  'relationships',
  'portfolio',
  'kpis',
  'delivery',
  'briefs',
  'loyalty',
  'finance',
  'opportunities',
  'plan-template',
  'backup',
] as const;
type SettingsTab = (typeof tabs)[number];

/** Who may open each tab: the admin everything, the head of KAM the portfolio model. */
const tabPermissions: Record<SettingsTab, Permission> = {
  workspace: 'workspace:manage',
  members: 'workspace:manage',
  'custom-fields': 'workspace:manage',
  relationships: 'workspace:manage',
  portfolio: 'portfolio:manage',
  kpis: 'kpis:manage',
  delivery: 'delivery:manage',
  briefs: 'delivery:manage',
  loyalty: 'delivery:manage',
  finance: 'finance:write',
  opportunities: 'plans:manage',
  'plan-template': 'plans:manage',
  backup: 'workspace:backup',
};

export type SettingsSearch = { tab?: SettingsTab };

export function parseSettingsSearch(search: Record<string, unknown>): SettingsSearch {
  return tabs.includes(search.tab as SettingsTab) ? { tab: search.tab as SettingsTab } : {};
}

/**
 * Workspace administration: settings, members, custom fields, relationship map, the portfolio
 * model, KPIs, delivery, finance, the offerings and pipeline, the plan template, backups.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const { permissions } = useMe();
  const allowed = tabs.filter((tab) => permissions.includes(tabPermissions[tab]));
  const search = useSearch({ from: '/app/settings' });
  const tab = search.tab && allowed.includes(search.tab) ? search.tab : allowed[0];
  const navigate = useNavigate({ from: '/settings' });
  const labels: Record<SettingsTab, string> = {
    workspace: t('settings.tabs.workspace'),
    members: t('settings.tabs.members'),
    'custom-fields': t('settings.tabs.customFields'),
    relationships: t('settings.tabs.relationships'),
    portfolio: t('settings.tabs.portfolio'),
    kpis: t('kpis.settingsTab'),
    delivery: t('delivery.settings.tab'),
    briefs: t('clientWork.briefTemplates.tab'),
    loyalty: t('clientCare.loyalty.tab'),
    finance: t('finance.settings.tab'),
    opportunities: t('opportunities.settings.tab'),
    'plan-template': t('plans.template.tab'),
    backup: t('settings.tabs.backup'),
  };
  return (
    <Stack>
      <Title order={2}>{t('settings.title')}</Title>
      <Tabs
        value={tab}
        onChange={(value) => void navigate({ search: parseSettingsSearch({ tab: value }), replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {allowed.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {labels[value]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="workspace">
          <WorkspaceSettingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="custom-fields">
          <CustomFieldsEditor />
        </Tabs.Panel>
        <Tabs.Panel value="relationships">
          <RelationshipSettingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="portfolio">
          <PortfolioModelSettings />
        </Tabs.Panel>
        <Tabs.Panel value="kpis">
          <KpiSettingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="delivery">
          <DeliverySettingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="briefs">
          <BriefTemplatesSettings />
        </Tabs.Panel>
        <Tabs.Panel value="loyalty">
          <LoyaltySettings />
        </Tabs.Panel>
        <Tabs.Panel value="finance">
          <FinanceSettingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="opportunities">
          <OpportunitySettingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="plan-template">
          <PlanTemplatePanel />
        </Tabs.Panel>
        <Tabs.Panel value="backup">
          <BackupPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
