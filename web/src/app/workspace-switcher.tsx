import { Select, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSwitchWorkspace } from '../features/auth/auth-api';
import { useMe } from '../features/auth/session';
import { notifySuccess } from '../shared/notify';

/** Shown only to people in more than one workspace. */
export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const switchWorkspace = useSwitchWorkspace();
  if (me.workspaces.length < 2) {
    return (
      <Text size="sm" c="dimmed" visibleFrom="xs">
        {me.workspace.name}
      </Text>
    );
  }
  return (
    <Select
      size="sm"
      w={220}
      aria-label={t('shell.workspace')}
      data={me.workspaces.map((workspace) => ({ value: workspace.id, label: workspace.name }))}
      value={me.workspace.id}
      allowDeselect={false}
      disabled={switchWorkspace.isPending}
      onChange={(workspaceId) => {
        if (!workspaceId || workspaceId === me.workspace.id) return;
        switchWorkspace.mutate(workspaceId, {
          onSuccess: (switched) => {
            notifySuccess(t('shell.switchedTo', { name: switched.workspace.name }));
            void navigate({ to: '/accounts' });
          },
        });
      }}
    />
  );
}
