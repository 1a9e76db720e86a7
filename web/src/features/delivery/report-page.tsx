import {
  ActionIcon,
  Anchor,
  Breadcrumbs,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReportCheck, reportChecks } from '../../api/shared';
import { QueryPage } from '../../app/route-status';
import { AnchorLink } from '../../shared/anchor-link';
import { DetailsList } from '../../shared/details-list';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { useCan, useMe } from '../auth/session';
import { type ClientReport, clientWorkApi, type ReportFigure, reportQuery } from './client-work-api';
import { useDeliveryMutation } from './delivery-api';
import { ReportBadges } from './reports-panel';

export function ReportPage() {
  const { reportId } = useParams({ from: '/app/reports/$reportId' });
  const query = useQuery(reportQuery(reportId));
  return <QueryPage query={query}>{(report) => <ReportView key={report.id} report={report} />}</QueryPage>;
}

function ReportView({ report }: { report: ClientReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const canManage = useCan('delivery:write');
  const mayPrepare = canManage || report.preparedBy?.id === me.user.id;
  return (
    <Stack>
      <Breadcrumbs>
        <AnchorLink to="/delivery">{t('delivery.title')}</AnchorLink>
        <Text>{report.account.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <Title order={2}>{report.title}</Title>
        <ReportBadges report={report} />
      </Group>
      <DetailsList
        entries={[
          { label: t('clientWork.reports.account'), value: report.account.name },
          { label: t('clientWork.reports.project'), value: report.project?.name },
          {
            label: t('clientWork.reports.period'),
            value: `${format.calendarDate(report.periodStart)} – ${format.calendarDate(report.periodEnd)}`,
          },
          { label: t('clientWork.reports.due'), value: format.calendarDate(report.dueOn) },
          { label: t('clientWork.reports.preparedBy'), value: report.preparedBy?.name },
          {
            label: t('clientWork.reports.status'),
            value: report.sentAt ? t('clientWork.reports.sentAt', { date: format.dateTime(report.sentAt) }) : null,
          },
        ]}
      />
      {report.status === 'draft' && mayPrepare ? (
        <ReportEditor key={report.status} report={report} />
      ) : (
        <ReportContent report={report} />
      )}
      {report.status === 'in_review' && canManage && <ReviewPanel report={report} />}
    </Stack>
  );
}

function ReportContent({ report }: { report: ClientReport }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack>
        <Table aria-label={t('clientWork.reports.figures')}>
          <Table.Tbody>
            {report.figures.map((figure, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: figures have no id; a read-only list keeps its order.
              <Table.Tr key={index}>
                <Table.Td>{figure.label}</Table.Td>
                <Table.Td>{figure.channel}</Table.Td>
                <Table.Td ta="right">{figure.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {report.links.map((link) => (
          <Anchor key={link} href={link} target="_blank" rel="noreferrer">
            {link}
          </Anchor>
        ))}
        {report.body && <Text style={{ whiteSpace: 'pre-wrap' }}>{report.body}</Text>}
      </Stack>
    </Paper>
  );
}

const emptyFigure: ReportFigure = { label: '', value: '', channel: null };

function ReportEditor({ report }: { report: ClientReport }) {
  const { t } = useTranslation();
  const [figures, setFigures] = useState<ReportFigure[]>(report.figures.length > 0 ? report.figures : [emptyFigure]);
  const [links, setLinks] = useState(report.links.join('\n'));
  const [body, setBody] = useState(report.body ?? '');
  const save = useDeliveryMutation(clientWorkApi.updateReport);
  const submit = useDeliveryMutation(clientWorkApi.submitReport, () =>
    notifySuccess(t('clientWork.reports.submitted')),
  );
  const pull = useDeliveryMutation(clientWorkApi.pullFigures);
  // NOTE: what is typed is saved first, so the figures typed by hand stay beside the pulled ones.
  const saveThenPull = () =>
    save.mutate(payload(), {
      onSuccess: () =>
        pull.mutate(report.id, {
          onSuccess: (pulled) => {
            setFigures(pulled.figures.length > 0 ? pulled.figures : [emptyFigure]);
            notifySuccess(t('clientWork.reports.pulled'));
          },
          onError: notifyError,
        }),
      onError: notifyError,
    });
  const change = (index: number, patch: Partial<ReportFigure>) =>
    setFigures((current) => current.map((figure, at) => (at === index ? { ...figure, ...patch } : figure)));
  const payload = () => ({
    id: report.id,
    version: report.version,
    figures: figures
      .filter((figure) => figure.label.trim() || figure.value.trim())
      .map((figure) => ({ ...figure, value: figure.value.replace(',', '.').replace(/\s/g, '') })),
    links: links
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    body: body.trim() ? body : null,
  });
  const saveThenSubmit = () =>
    save.mutate(payload(), {
      onSuccess: () => submit.mutate(report.id, { onError: notifyError }),
      onError: notifyError,
    });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t('clientWork.reports.figures')}</Title>
        {figures.map((figure, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: figure rows have no id; their order is their identity.
          <Group key={index} align="flex-end">
            <TextInput
              label={t('clientWork.reports.figureLabel')}
              value={figure.label}
              onChange={(event) => change(index, { label: event.currentTarget.value })}
            />
            <TextInput
              label={t('clientWork.reports.figureChannel')}
              value={figure.channel ?? ''}
              onChange={(event) => change(index, { channel: event.currentTarget.value || null })}
            />
            <TextInput
              label={t('clientWork.reports.figureValue')}
              value={figure.value}
              onChange={(event) => change(index, { value: event.currentTarget.value })}
            />
            <ActionIcon
              variant="subtle"
              aria-label={t('clientWork.reports.removeFigure')}
              onClick={() => setFigures((current) => current.filter((_, at) => at !== index))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="default" onClick={() => setFigures((current) => [...current, emptyFigure])}>
            {t('clientWork.reports.addFigure')}
          </Button>
          <Button variant="light" onClick={saveThenPull} loading={pull.isPending}>
            {t('clientWork.reports.pullFigures')}
          </Button>
        </Group>
        <Textarea
          label={t('clientWork.reports.links')}
          description={t('clientWork.brief.linksHint')}
          value={links}
          onChange={(event) => setLinks(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('clientWork.reports.body')}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          autosize
          minRows={4}
        />
        <Group>
          <Button
            variant="default"
            loading={save.isPending && !submit.isPending}
            onClick={() =>
              save.mutate(payload(), {
                onSuccess: () => notifySuccess(t('clientWork.reports.saved')),
                onError: notifyError,
              })
            }
          >
            {t('clientWork.reports.save')}
          </Button>
          <Button onClick={saveThenSubmit} loading={submit.isPending}>
            {t('clientWork.reports.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ReviewPanel({ report }: { report: ClientReport }) {
  const { t } = useTranslation();
  const [checklist, setChecklist] = useState(report.checklist);
  const review = useDeliveryMutation(clientWorkApi.reviewReport);
  const send = useDeliveryMutation(clientWorkApi.sendReport, () => notifySuccess(t('clientWork.reports.sent')));
  const saved = reportChecks.every((check) => checklist[check] === report.checklist[check]);
  const allChecked = reportChecks.every((check) => report.checklist[check]);
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t('clientWork.reports.review')}</Title>
        {reportChecks.map((check: ReportCheck) => (
          <Checkbox
            key={check}
            label={t(`clientWork.checks.${check}`)}
            checked={checklist[check]}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setChecklist((current) => ({ ...current, [check]: checked }));
            }}
          />
        ))}
        <Group>
          <Button
            variant="default"
            disabled={saved}
            loading={review.isPending}
            onClick={() =>
              review.mutate(
                { id: report.id, checklist },
                { onSuccess: () => notifySuccess(t('clientWork.reports.reviewed')), onError: notifyError },
              )
            }
          >
            {t('clientWork.reports.saveReview')}
          </Button>
          <Button
            disabled={!saved || !allChecked}
            loading={send.isPending}
            onClick={() => send.mutate(report.id, { onError: notifyError })}
          >
            {t('clientWork.reports.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
