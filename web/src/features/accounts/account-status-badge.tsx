import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '../../api/shared';

export const statusColors: Record<AccountStatus, string> = {
  prospect: 'gray',
  active: 'blue',
  key: 'violet',
  at_risk: 'orange',
  lost: 'red',
};

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light">
      {t(`accountStatus.${status}`)}
    </Badge>
  );
}
