import { Stack, Tabs, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CustomFieldsEditor } from '../custom-fields/custom-fields-editor';
import { MembersPanel } from '../members/members-panel';
import { RelationshipSettingsPanel } from '../relationships/relationship-settings-panel';
import { WorkspaceSettingsPanel } from './workspace-settings-form';

const tabs = ['workspace', 'members', 'custom-fields', 'relationships'] as const;
type SettingsTab = (typeof tabs)[number];

export type SettingsSearch = { tab?: SettingsTab };

export function parseSettingsSearch(search: Record<string, unknown>): SettingsSearch {
  return tabs.includes(search.tab as SettingsTab) ? { tab: search.tab as SettingsTab } : {};
}

/** Workspace administration: settings, members, custom fields, relationship map. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { tab = 'workspace' } = useSearch({ from: '/app/settings' });
  const navigate = useNavigate({ from: '/settings' });
  return (
    <Stack>
      <Title order={2}>{t('settings.title')}</Title>
      <Tabs
        value={tab}
        onChange={(value) => void navigate({ search: parseSettingsSearch({ tab: value }), replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="workspace">{t('settings.tabs.workspace')}</Tabs.Tab>
          <Tabs.Tab value="members">{t('settings.tabs.members')}</Tabs.Tab>
          <Tabs.Tab value="custom-fields">{t('settings.tabs.customFields')}</Tabs.Tab>
          <Tabs.Tab value="relationships">{t('settings.tabs.relationships')}</Tabs.Tab>
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
      </Tabs>
    </Stack>
  );
}
