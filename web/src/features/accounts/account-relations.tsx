import { Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../shared/anchor-link';
import { AccountStatusBadge } from './account-status-badge';
import type { Account } from './accounts-api';

/** Who owns and works on the account, and where it sits among its parent and subsidiaries. */
export function AccountRelations({ account }: { account: Account }) {
  const { t } = useTranslation();
  const moreChildren = account.childCount - account.children.length;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('account.fields.owner')}
        </Title>
        <Text size="sm">{account.owner.name}</Text>
        <Anchor href={`mailto:${account.owner.email}`} size="sm">
          {account.owner.email}
        </Anchor>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('account.fields.team')}
        </Title>
        {account.team.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('account.noTeam')}
          </Text>
        ) : (
          <List size="sm" spacing={4} listStyleType="none">
            {account.team.map((member) => (
              <List.Item key={member.userId}>
                {member.name}{' '}
                <Text span c="dimmed" size="sm">
                  — {t(`teamRole.${member.role}`)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
      {(account.parent || account.childCount > 0) && (
        <Paper withBorder p="md">
          {account.parent && (
            <>
              <Title order={4} mb="xs">
                {t('account.fields.parent')}
              </Title>
              <AnchorLink to="/accounts/$accountId" params={{ accountId: account.parent.id }} size="sm">
                {account.parent.name}
              </AnchorLink>
            </>
          )}
          {account.childCount > 0 && (
            <>
              <Title order={4} mb="xs" mt={account.parent ? 'md' : 0}>
                {t('account.subsidiaries', { count: account.childCount })}
              </Title>
              <Stack gap={4}>
                {account.children.map((child) => (
                  <Group key={child.id} gap="xs" justify="space-between" wrap="nowrap">
                    <AnchorLink to="/accounts/$accountId" params={{ accountId: child.id }} size="sm">
                      {child.name}
                    </AnchorLink>
                    <AccountStatusBadge status={child.status} />
                  </Group>
                ))}
                {moreChildren > 0 && (
                  <Text size="sm" c="dimmed">
                    {t('account.moreSubsidiaries', { count: moreChildren })}
                  </Text>
                )}
              </Stack>
            </>
          )}
        </Paper>
      )}
    </Stack>
  );
}
