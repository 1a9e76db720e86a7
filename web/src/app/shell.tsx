import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/session';
import { LanguageSwitch } from './language-switch';
import { navigationEntries } from './navigation';
import { UserMenu } from './user-menu';
import { WorkspaceSwitcher } from './workspace-switcher';

/** The frame of every signed-in page: header with workspace, language and user; navigation; the page. */
export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const [navigationOpened, { toggle: toggleNavigation, close: closeNavigation }] = useDisclosure();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const entries = navigationEntries.filter((entry) =>
    entry.permissions.some((permission) => me.permissions.includes(permission)),
  );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navigationOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navigationOpened}
              onClick={toggleNavigation}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNavigation')}
            />
            <Text fw={700} size="lg" component={Link} to="/accounts" c="inherit" td="none">
              Accord
            </Text>
            <WorkspaceSwitcher />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch saveToProfile />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')}>
        {entries.map((entry) => (
          <NavLink
            key={entry.to}
            component={Link}
            to={entry.to}
            label={t(`nav.${entry.label}`)}
            leftSection={<entry.icon size={18} stroke={1.6} />}
            active={pathname === entry.to || pathname.startsWith(`${entry.to}/`)}
            onClick={closeNavigation}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
