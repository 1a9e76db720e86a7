import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../shared/notify';
import { useCan } from '../auth/session';
import { accountPlansQuery, plansApi, usePlanMutation } from './plans-api';

/** The account's plans by period, and a button to start this year's. */
export function AccountPlans({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('plans:write');
  const plans = useQuery(accountPlansQuery(accountId)).data?.items ?? [];
  const create = usePlanMutation(plansApi.create);
  const start = () =>
    create.mutate(accountId, {
      onSuccess: (plan) => navigate({ to: '/plans/$planId', params: { planId: plan.id } }),
      onError: notifyError,
    });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{t('plans.title')}</Title>
          {canWrite && (
            <Button size="xs" onClick={start} loading={create.isPending}>
              {t('plans.newPlan')}
            </Button>
          )}
        </Group>
        {plans.length === 0 ? (
          <Text c="dimmed">{t('plans.none')}</Text>
        ) : (
          <Table>
            <Table.Tbody>
              {plans.map((plan) => (
                <Table.Tr key={plan.id}>
                  <Table.Td>
                    <Link to="/plans/$planId" params={{ planId: plan.id }}>
                      {plan.periodStart} — {plan.periodEnd}
                    </Link>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`plans.status.${plan.status}`)}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
