import {
  IconAddressBook,
  IconAlertTriangle,
  IconBuildingSkyscraper,
  IconHistory,
  IconSettings,
  type TablerIcon,
} from '@tabler/icons-react';
import type { Permission } from '../api/shared';
import type { en } from '../i18n/en';

/** One place in the main navigation; shown only to roles with its permission. */
export type NavigationEntry = {
  to: '/accounts' | '/contacts' | '/relationship-gaps' | '/audit' | '/settings';
  label: keyof typeof en.nav;
  icon: TablerIcon;
  permission: Permission;
};

// NOTE: a new capability (portfolio, plans, KPIs, invoices…) appears in the app by adding its
// route and one entry here.
export const navigationEntries: readonly NavigationEntry[] = [
  { to: '/accounts', label: 'accounts', icon: IconBuildingSkyscraper, permission: 'accounts:read' },
  { to: '/contacts', label: 'contacts', icon: IconAddressBook, permission: 'contacts:read' },
  { to: '/relationship-gaps', label: 'relationshipGaps', icon: IconAlertTriangle, permission: 'relationships:read' },
  { to: '/audit', label: 'audit', icon: IconHistory, permission: 'audit:read' },
  { to: '/settings', label: 'settings', icon: IconSettings, permission: 'workspace:manage' },
];
