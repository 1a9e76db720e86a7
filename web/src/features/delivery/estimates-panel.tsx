import { Badge, Button, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatQuantity } from '../../api/shared';
import { AnchorLink } from '../../shared/anchor-link';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useCan } from '../auth/session';
import { accountLoyaltyQuery } from '../client-care/care-api';
import { useMoney } from '../finance/money';
import {
  deliveryApi,
  type Estimate,
  estimateQuery,
  estimatesQuery,
  type Project,
  useDeliveryMutation,
} from './delivery-api';
import { EstimateLinesEditor, emptyLine, type LineForm, lineFormOf, linesOf } from './estimate-lines-editor';

/** A project's estimates: versions, the selected one with its totals both ways, and its actions. */
export function EstimatesPanel({ project }: { project: Project }) {
  const { t } = useTranslation();
  const money = useMoney();
  const canWrite = useCan('estimates:write');
  const list = useQuery(estimatesQuery(project.id));
  const [selected, setSelected] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [lines, setLines] = useState<LineForm[]>([emptyLine()]);
  const create = useDeliveryMutation(deliveryApi.createEstimate);
  const tier = useQuery({ ...accountLoyaltyQuery(project.accountId), enabled: canWrite }).data?.tier ?? null;
  const offered = tier?.discount ?? 0;
  // NOTE: the loyalty discount arrives after the form is drawn: lines not yet typed into take it.
  useEffect(() => {
    setLines((current) =>
      current.map((line) =>
        line.description === '' && line.price === '' ? { ...line, discount: String(offered / 100) } : line,
      ),
    );
  }, [offered]);
  const items = list.data?.items ?? [];
  const current = selected ?? items[items.length - 1]?.id ?? null;
  const submit = () =>
    create.mutate(
      { projectId: project.id, title, vatMode: 'included', lines: linesOf(lines, project.currency) },
      {
        onSuccess: (estimate) => {
          notifySuccess(t('delivery.estimates.saved'));
          setSelected(estimate.id);
          setLines([emptyLine(offered)]);
          setTitle('');
        },
        onError: notifyError,
      },
    );
  return (
    <Stack gap="xs">
      <Title order={3}>{t('delivery.estimates.title')}</Title>
      {items.length === 0 && <Text c="dimmed">{t('delivery.estimates.empty')}</Text>}
      <Group gap="xs">
        {items.map((item) => (
          <Button
            key={item.id}
            size="xs"
            variant={item.id === current ? 'filled' : 'default'}
            onClick={() => setSelected(item.id)}
          >
            {item.title} {t('delivery.estimates.version', { version: item.versionNumber })} ·{' '}
            {t(`delivery.estimates.status.${item.status}`)} · {money(item.grossMinor, item.currency)}
          </Button>
        ))}
      </Group>
      {current && <EstimateView id={current} onVersion={setSelected} />}
      {canWrite && (
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('delivery.estimates.new')}
          </Title>
          <TextInput
            label={t('delivery.estimates.name')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          {tier && offered > 0 && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('clientCare.loyalty.offered', { tier: tier.name, discount: offered / 100 })}
            </Text>
          )}
          <EstimateLinesEditor lines={lines} onChange={setLines} defaultDiscount={offered} />
          <Group justify="flex-end">
            <Button onClick={submit} loading={create.isPending}>
              {t('delivery.estimates.save')}
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}

function EstimateView({ id, onVersion }: { id: string; onVersion: (id: string) => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const canWrite = useCan('estimates:write');
  const canInvoice = useCan('finance:write');
  const query = useQuery(estimateQuery(id));
  const decide = useDeliveryMutation(deliveryApi.decide);
  const invoice = useDeliveryMutation(deliveryApi.invoice);
  const update = useDeliveryMutation(deliveryApi.updateEstimate);
  const [editing, setEditing] = useState<LineForm[] | null>(null);
  const estimate = query.data;
  if (!estimate) return null;
  const amount = (minor: number) => money(minor, estimate.currency);
  const run = (action: 'send' | 'approve' | 'reject', comment?: string) =>
    decide.mutate(
      { id: estimate.id, version: estimate.version, action, comment },
      {
        onSuccess: () =>
          notifySuccess(
            t(`delivery.estimates.${action === 'send' ? 'sent' : action === 'approve' ? 'approved' : 'rejected'}`),
          ),
        onError: notifyError,
      },
    );
  const askDecision = (action: 'approve' | 'reject') => {
    let comment = '';
    modals.openConfirmModal({
      title: t(`delivery.estimates.${action}`),
      children: (
        <Textarea
          label={t('delivery.estimates.decisionComment')}
          onChange={(event) => {
            comment = event.currentTarget.value;
          }}
        />
      ),
      labels: { confirm: t(`delivery.estimates.${action}`), cancel: t('actions.cancel') },
      onConfirm: () => run(action, comment),
    });
  };
  const saveEdit = (lines: LineForm[]) =>
    update.mutate(
      {
        id: estimate.id,
        version: estimate.version,
        vatMode: estimate.vatMode,
        lines: linesOf(lines, estimate.currency),
      },
      {
        onSuccess: (saved: Estimate) => {
          notifySuccess(t('delivery.estimates.saved'));
          setEditing(null);
          onVersion(saved.id);
        },
        onError: notifyError,
      },
    );
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={4}>
            {estimate.title} {t('delivery.estimates.version', { version: estimate.versionNumber })}
          </Title>
          <Badge variant="light">{t(`delivery.estimates.status.${estimate.status}`)}</Badge>
        </Group>
        {canWrite && (
          <Group gap="xs">
            {estimate.status === 'draft' && <Button onClick={() => run('send')}>{t('delivery.estimates.send')}</Button>}
            {estimate.status === 'sent' && (
              <>
                <Button color="teal" onClick={() => askDecision('approve')}>
                  {t('delivery.estimates.approve')}
                </Button>
                <Button variant="default" onClick={() => askDecision('reject')}>
                  {t('delivery.estimates.reject')}
                </Button>
              </>
            )}
            {['draft', 'sent', 'rejected'].includes(estimate.status) && editing === null && (
              <Button
                variant="subtle"
                onClick={() => setEditing(estimate.lines.map((line) => lineFormOf(line, estimate.currency)))}
              >
                {t('actions.edit')}
              </Button>
            )}
            {estimate.status === 'approved' && canInvoice && !estimate.invoiceId && (
              <Button
                variant="light"
                onClick={() =>
                  invoice.mutate(estimate.id, {
                    onSuccess: () => notifySuccess(t('delivery.estimates.invoiced')),
                    onError: notifyError,
                  })
                }
              >
                {t('delivery.estimates.invoice')}
              </Button>
            )}
            {estimate.invoiceId && (
              <AnchorLink to="/finance/invoices/$invoiceId" params={{ invoiceId: estimate.invoiceId }}>
                {t('delivery.estimates.openInvoice')}
              </AnchorLink>
            )}
          </Group>
        )}
      </Group>
      {estimate.decisionComment && <Text size="sm">{estimate.decisionComment}</Text>}
      {editing ? (
        <Stack>
          <EstimateLinesEditor lines={editing} onChange={setEditing} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(null)}>
              {t('actions.cancel')}
            </Button>
            <Button onClick={() => saveEdit(editing)} loading={update.isPending}>
              {t('delivery.estimates.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Table aria-label={estimate.title}>
          <Table.Tbody>
            {estimate.lines.map((line) => (
              <Table.Tr key={line.id}>
                <Table.Td>{line.description}</Table.Td>
                <Table.Td>
                  {formatQuantity(line.quantityMilli)} {line.unit ?? ''}
                </Table.Td>
                <Table.Td>{amount(line.unitPriceMinor)}</Table.Td>
                <Table.Td>{line.discount ? `−${line.discount / 100} %` : ''}</Table.Td>
                <Table.Td>{amount(line.grossMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="sm" mt="xs" data-testid="estimate-russian-total">
        {t('delivery.estimates.russianWay', {
          gross: amount(estimate.grossMinor),
          vat: amount(estimate.vatMinor),
          net: amount(estimate.netMinor),
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('delivery.estimates.internationalWay', {
          gross: amount(estimate.grossMinor),
          vat: amount(estimate.vatMinor),
          net: amount(estimate.netMinor),
        })}
      </Text>
    </Paper>
  );
}
