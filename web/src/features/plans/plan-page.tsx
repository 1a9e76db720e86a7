import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  List,
  Loader,
  Paper,
  Progress,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../shared/notify';
import { useCan } from '../auth/session';
import { PlanForecastPanel } from '../opportunities/plan-forecast';
import { CompetitorsEditor } from './competitors-editor';
import { MarkdownView } from './markdown-view';
import { ObjectivesEditor } from './objectives-editor';
import {
  comparisonQuery,
  contentOf,
  downloadPlanFile,
  type Plan,
  type PlanContent,
  planQuery,
  plansApi,
  usePlanMutation,
} from './plans-api';

const gradeColor = { red: 'red', amber: 'yellow', green: 'green' } as const;

/** One account plan: completeness, workflow, sections in Markdown, objectives and actions, versions. */
export function PlanPage() {
  const { planId } = useParams({ from: '/app/plans/$planId' });
  const plan = useQuery(planQuery(planId)).data;
  if (!plan) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return <PlanView key={`${plan.id}-${plan.version}`} plan={plan} />;
}

function PlanView({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const canApprove = useCan('plans:approve');
  const canReadMoney = useCan('finance:read');
  const [content, setContent] = useState<PlanContent>(() => contentOf(plan));
  useEffect(() => setContent(contentOf(plan)), [plan]);
  const editable = plan.mayEdit && plan.status === 'draft';
  const save = usePlanMutation(plansApi.save);
  const transition = usePlanMutation(plansApi.transition);
  const giveBack = usePlanMutation(plansApi.returnPlan);
  const copy = usePlanMutation(plansApi.copyForward);
  const title = (section: Plan['sections'][number]) => (i18n.language === 'ru' ? section.titleRu : section.titleEn);
  const act = (action: 'submit' | 'approve' | 'reopen') =>
    transition.mutate({ plan, action }, { onError: notifyError });
  const returnWithComment = () => {
    let comment = '';
    modals.openConfirmModal({
      title: t('plans.return'),
      children: (
        <Textarea
          label={t('plans.returnComment')}
          onChange={(event) => (comment = event.currentTarget.value)}
          autosize
          minRows={3}
        />
      ),
      labels: { confirm: t('plans.return'), cancel: t('actions.cancel') },
      onConfirm: () => giveBack.mutate({ plan, comment }, { onError: notifyError }),
    });
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Link to="/accounts/$accountId" params={{ accountId: plan.accountId }}>
            {plan.account.name}
          </Link>
          <Title order={2}>
            {t('plans.title')}: {plan.periodStart} — {plan.periodEnd}
          </Title>
          <Group gap="xs">
            <Badge>{t(`plans.status.${plan.status}`)}</Badge>
            <Badge color={gradeColor[plan.completeness.grade]} variant="light">
              {t(`plans.grade.${plan.completeness.grade}`)}
            </Badge>
          </Group>
        </Stack>
        <Group gap="xs">
          {editable && (
            <Button
              onClick={() =>
                save.mutate(
                  { plan, content },
                  { onSuccess: () => notifySuccess(t('plans.saved')), onError: notifyError },
                )
              }
              loading={save.isPending}
            >
              {t('plans.save')}
            </Button>
          )}
          {editable && (
            <Button variant="light" onClick={() => act('submit')}>
              {t('plans.submit')}
            </Button>
          )}
          {canApprove && plan.status === 'in_review' && (
            <Button onClick={() => act('approve')}>{t('plans.approve')}</Button>
          )}
          {canApprove && plan.status === 'in_review' && (
            <Button variant="light" color="orange" onClick={returnWithComment}>
              {t('plans.return')}
            </Button>
          )}
          {plan.mayEdit && plan.status === 'approved' && (
            <Button variant="light" onClick={() => act('reopen')}>
              {t('plans.reopen')}
            </Button>
          )}
          {plan.versions.length > 0 && (
            <>
              <Button variant="default" onClick={() => downloadPlanFile(plan, 'markdown').catch(notifyError)}>
                {t('plans.markdown')}
              </Button>
              <Button variant="default" onClick={() => downloadPlanFile(plan, 'pdf').catch(notifyError)}>
                {t('opportunities.pdf')}
              </Button>
            </>
          )}
          {plan.mayEdit && (
            <Button
              variant="default"
              onClick={() =>
                copy.mutate(plan, {
                  onSuccess: (next) => navigate({ to: '/plans/$planId', params: { planId: next.id } }),
                  onError: notifyError,
                })
              }
            >
              {t('plans.copyForward')}
            </Button>
          )}
        </Group>
      </Group>
      {plan.status === 'draft' && plan.reviewComment && (
        <Alert color="orange" title={t('plans.reviewComment')}>
          {plan.reviewComment}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600}>{t('plans.completeness', { score: plan.completeness.score })}</Text>
          <Progress value={plan.completeness.score} color={gradeColor[plan.completeness.grade]} />
          <List size="sm" data-testid="completeness-reasons">
            {plan.completeness.reasons.map((reason) => (
              <List.Item key={reason.text}>{reason.text}</List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
      {plan.sections.map((section, index) => (
        <Paper key={section.sectionId} withBorder p="md">
          <Title order={4}>
            {title(section)} {section.retired && <Badge variant="outline">{t('plans.retired')}</Badge>}
          </Title>
          <Tabs defaultValue={editable ? 'write' : 'preview'} mt="xs">
            <Tabs.List>
              {editable && <Tabs.Tab value="write">{t('plans.write')}</Tabs.Tab>}
              <Tabs.Tab value="preview">{t('plans.preview')}</Tabs.Tab>
            </Tabs.List>
            {editable && (
              <Tabs.Panel value="write" pt="xs">
                <Textarea
                  aria-label={title(section)}
                  autosize
                  minRows={3}
                  value={content.sections[index]?.body ?? ''}
                  onChange={(event) => {
                    const body = event.currentTarget.value;
                    setContent((current) => ({
                      ...current,
                      sections: current.sections.map((item, at) => (at === index ? { ...item, body } : item)),
                    }));
                  }}
                />
              </Tabs.Panel>
            )}
            <Tabs.Panel value="preview" pt="xs">
              <MarkdownView text={content.sections[index]?.body ?? ''} />
            </Tabs.Panel>
          </Tabs>
        </Paper>
      ))}
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('plans.competitors')}
        </Title>
        <CompetitorsEditor
          competitors={content.competitors}
          onChange={(competitors) => setContent((current) => ({ ...current, competitors }))}
          disabled={!editable}
        />
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('plans.objectives')}
        </Title>
        <ObjectivesEditor
          objectives={content.objectives}
          onChange={(objectives) => setContent((current) => ({ ...current, objectives }))}
          disabled={!editable}
        />
      </Paper>
      {canReadMoney && <PlanForecastPanel planId={plan.id} planVersion={plan.version} mayEdit={plan.mayEdit} />}
      {plan.versions.length > 1 && <VersionComparison plan={plan} />}
    </Stack>
  );
}

function VersionComparison({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const options = plan.versions.map((version) => ({
    value: String(version.number),
    label: t('plans.version', { number: version.number, date: version.approvedAt.slice(0, 10) }),
  }));
  const [from, setFrom] = useState(plan.versions.length - 1);
  const [to, setTo] = useState(plan.versions.length);
  const comparison = useQuery(comparisonQuery(plan.id, from, to)).data;
  const changes = comparison
    ? [
        ...comparison.changes.sections,
        ...comparison.changes.competitors,
        ...comparison.changes.objectives,
        ...comparison.changes.actions,
      ]
    : [];
  return (
    <Paper withBorder p="md">
      <Title order={4}>{t('plans.versions')}</Title>
      <Group mt="xs">
        <Select
          data={options}
          value={String(from)}
          onChange={(value) => setFrom(Number(value))}
          allowDeselect={false}
        />
        <Select data={options} value={String(to)} onChange={(value) => setTo(Number(value))} allowDeselect={false} />
      </Group>
      {changes.length === 0 ? (
        <Text c="dimmed" mt="xs">
          {t('plans.noChanges')}
        </Text>
      ) : (
        <List mt="xs">
          {changes.map((change) => (
            <List.Item key={`${change.id}-${change.change}`}>
              {change.title}: {t(`plans.changes.${change.change}`)} {change.fields.join(', ')}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
