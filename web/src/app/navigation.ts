import {
  IconAddressBook,
  IconAlertTriangle,
  IconBuildingSkyscraper,
  IconChartLine,
  IconChartScatter,
  IconChecklist,
  IconColumns,
  IconFileImport,
  IconFileText,
  IconHeartHandshake,
  IconHistory,
  IconReceipt,
  IconSettings,
  type TablerIcon,
} from '@tabler/icons-react';
import type { Permission } from '../api/shared';
import type { en } from '../i18n/en';

/** One place in the main navigation; shown only to roles with one of its permissions. */
export type NavigationEntry = {
  to:
    | '/accounts'
    | '/contacts'
    | '/portfolio'
    | '/relationship-gaps'
    | '/kpi-findings'
    | '/plans'
    | '/pipeline'
    | '/delivery'
    | '/client-care'
    | '/finance'
    | '/imports'
    | '/audit'
    | '/settings';
  label: keyof typeof en.nav;
  icon: TablerIcon;
  permissions: readonly Permission[];
};

// NOTE: a new capability (portfolio, plans, KPIs, invoices…) appears in the app by adding its
// route and one entry here.
export const navigationEntries: readonly NavigationEntry[] = [
  { to: '/accounts', label: 'accounts', icon: IconBuildingSkyscraper, permissions: ['accounts:read'] },
  { to: '/contacts', label: 'contacts', icon: IconAddressBook, permissions: ['contacts:read'] },
  { to: '/portfolio', label: 'portfolio', icon: IconChartScatter, permissions: ['portfolio:read'] },
  {
    to: '/relationship-gaps',
    label: 'relationshipGaps',
    icon: IconAlertTriangle,
    permissions: ['relationships:read'],
  },
  { to: '/kpi-findings', label: 'kpiFindings', icon: IconChartLine, permissions: ['kpis:read'] },
  { to: '/plans', label: 'plans', icon: IconFileText, permissions: ['plans:read'] },
  { to: '/pipeline', label: 'pipeline', icon: IconColumns, permissions: ['plans:read'] },
  { to: '/delivery', label: 'delivery', icon: IconChecklist, permissions: ['delivery:read'] },
  { to: '/client-care', label: 'clientCare', icon: IconHeartHandshake, permissions: ['delivery:read'] },
  { to: '/finance', label: 'finance', icon: IconReceipt, permissions: ['finance:read'] },
  { to: '/imports', label: 'imports', icon: IconFileImport, permissions: ['imports:run'] },
  { to: '/audit', label: 'audit', icon: IconHistory, permissions: ['audit:read'] },
  {
    to: '/settings',
    label: 'settings',
    icon: IconSettings,
    permissions: [
      'workspace:manage',
      'portfolio:manage',
      'kpis:manage',
      'finance:write',
      'plans:manage',
      'delivery:manage',
    ],
  },
];
