import { Breadcrumbs, Button, Center, EmptyState, Grid, Group, Stack, Title } from '@mantine/core';
import { IconEdit, IconMapQuestion, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { PageLoader, RouteErrorPage } from '../../app/route-status';
import { AnchorLink } from '../../shared/anchor-link';
import { confirmDanger } from '../../shared/confirm';
import { notifySuccess } from '../../shared/notify';
import { useCan } from '../auth/session';
import { AccountCare } from '../client-care/account-care';
import { AccountContacts } from '../contacts/account-contacts';
import { accountContactCountQuery } from '../contacts/contacts-api';
import { AccountFinance } from '../finance/account-finance';
import { AccountKpis } from '../kpis/account-kpis';
import { PipelineBoard } from '../opportunities/pipeline-board';
import { WhitespaceMatrix } from '../opportunities/whitespace-matrix';
import { AccountPlans } from '../plans/account-plans';
import { AccountPortfolioPanel } from '../portfolio/account-portfolio-panel';
import { AccountRelationships } from '../relationships/account-relationships';
import { InteractionTimeline } from '../relationships/interaction-timeline';
import { AccountDetails } from './account-details';
import { AccountFormModal } from './account-form-modal';
import { AccountRelations } from './account-relations';
import { AccountStatusBadge } from './account-status-badge';
import { type Account, accountQuery, useDeleteAccount } from './accounts-api';

export function AccountPage() {
  const { t } = useTranslation();
  const { accountId } = useParams({ from: '/app/accounts/$accountId' });
  const query = useQuery(accountQuery(accountId));

  if (query.isPending) {
    return <PageLoader />;
  }
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <Center h="50vh">
          <EmptyState icon={<IconMapQuestion />} title={t('account.notFound')} description={query.error.problem.detail}>
            <Button component={Link} to="/accounts">
              {t('status.toAccounts')}
            </Button>
          </EmptyState>
        </Center>
      );
    }
    return <RouteErrorPage error={query.error} />;
  }
  return <AccountView account={query.data} />;
}

function AccountView({ account }: { account: Account }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('accounts:write');
  const canDelete = useCan('accounts:delete');
  const canReadRelationships = useCan('relationships:read');
  const canReadKpis = useCan('kpis:read');
  const canReadFinance = useCan('finance:read');
  const [editing, setEditing] = useState(false);
  const deleteAccount = useDeleteAccount();
  const contactCount = useQuery(accountContactCountQuery(account.id)).data;

  const askToDelete = () =>
    confirmDanger({
      title: t('account.delete.title'),
      message: t('account.delete.text', { name: account.name, count: contactCount ?? '…' }),
      confirmLabel: t('account.delete.confirm'),
      onConfirm: () =>
        deleteAccount.mutate(account, {
          onSuccess: () => {
            notifySuccess(t('account.delete.done', { name: account.name }));
            void navigate({ to: '/accounts' });
          },
        }),
    });

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <AnchorLink to="/accounts" size="sm">
          {t('accounts.title')}
        </AnchorLink>
        {account.parent && (
          <AnchorLink to="/accounts/$accountId" params={{ accountId: account.parent.id }} size="sm">
            {account.parent.name}
          </AnchorLink>
        )}
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={2}>{account.name}</Title>
          <AccountStatusBadge status={account.status} />
        </Group>
        <Group gap="xs">
          {canWrite && (
            <Button leftSection={<IconEdit size={16} />} variant="light" onClick={() => setEditing(true)}>
              {t('actions.edit')}
            </Button>
          )}
          {canDelete && (
            <Button
              leftSection={<IconTrash size={16} />}
              variant="light"
              color="red"
              onClick={askToDelete}
              loading={deleteAccount.isPending}
            >
              {t('actions.delete')}
            </Button>
          )}
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <AccountDetails account={account} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <AccountRelations account={account} />
        </Grid.Col>
      </Grid>
      <AccountPortfolioPanel accountId={account.id} />
      {canReadRelationships && <AccountRelationships account={account} />}
      {canReadKpis && <AccountKpis accountId={account.id} />}
      <AccountContacts account={account} />
      {canReadRelationships && <InteractionTimeline accountId={account.id} />}
      <AccountPlans accountId={account.id} />
      <WhitespaceMatrix accountId={account.id} />
      <PipelineBoard accountId={account.id} />
      {canReadFinance && <AccountFinance accountId={account.id} />}
      <AccountCare accountId={account.id} />
      <AccountFormModal opened={editing} onClose={() => setEditing(false)} account={account} />
    </Stack>
  );
}
