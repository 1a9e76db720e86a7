import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmDanger } from '../../shared/confirm';
import { saveBlob } from '../../shared/download';
import { notifyError, notifySuccess } from '../../shared/notify';
import { DuplicatesPanel } from './duplicates-panel';
import { ImportHistory } from './import-history';
import { problemText } from './import-labels';
import { importSpeed, type ProgressSample } from './import-speed';
import {
  cancelImport,
  type ImportCheck,
  type ImportJob,
  importQuery,
  problemsFile,
  runImport,
  undoImport,
  uploadImport,
} from './imports-api';
import { MappingStep } from './mapping-step';
import { OwnersPanel, StagesPanel } from './value-choices-panel';

/** The import wizard: upload → detection and mapping → dry run → import with progress → result with undo. */
export function ImportsPage() {
  const { t } = useTranslation();
  const [importId, setImportId] = useState<string>();
  const [check, setCheck] = useState<ImportCheck>();
  const job = useQuery({ ...importQuery(importId ?? ''), enabled: Boolean(importId) });
  const current = job.data;
  const step = !current ? 0 : current.status !== 'draft' ? 3 : check ? 2 : 1;
  const restart = () => {
    setImportId(undefined);
    setCheck(undefined);
  };

  return (
    <Stack>
      <Title order={2}>{t('imports.title')}</Title>
      <Text c="dimmed">{t('imports.intro')}</Text>
      <Stepper active={step} allowNextStepsSelect={false}>
        <Stepper.Step label={t('imports.steps.upload')}>
          <UploadStep onUploaded={(uploaded) => setImportId(uploaded.id)} />
        </Stepper.Step>
        <Stepper.Step label={t('imports.steps.mapping')}>
          {current && <MappingStep job={current} onChecked={setCheck} />}
        </Stepper.Step>
        <Stepper.Step label={t('imports.steps.check')}>
          {current && check && (
            <CheckStep job={current} check={check} onChecked={setCheck} onBack={() => setCheck(undefined)} />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('imports.steps.run')}>
          {current && <RunStep job={current} onRestart={restart} />}
        </Stepper.Step>
        <Stepper.Completed>{current && <RunStep job={current} onRestart={restart} />}</Stepper.Completed>
      </Stepper>
      {!importId && <ImportHistory onOpen={setImportId} />}
    </Stack>
  );
}

function UploadStep({ onUploaded }: { onUploaded: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: uploadImport,
    onSuccess: (created) => {
      queryClient.setQueryData(['imports', created.id], created);
      onUploaded(created);
    },
    onError: notifyError,
  });
  return (
    <Paper withBorder p="md">
      <Group align="flex-end">
        <FileInput
          w={420}
          label={t('imports.file')}
          placeholder={t('imports.filePlaceholder')}
          accept=".csv,.txt,.xlsx,.xls,.html"
          value={file}
          onChange={setFile}
          leftSection={<IconFileImport size={16} />}
        />
        <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
          {t('imports.upload')}
        </Button>
      </Group>
    </Paper>
  );
}

function CheckStep({
  job,
  check,
  onChecked,
  onBack,
}: {
  job: ImportJob;
  check: ImportCheck;
  onChecked: (check: ImportCheck) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () => runImport(job.id),
    onSuccess: (started) => queryClient.setQueryData(['imports', job.id], started),
    onError: notifyError,
  });
  const download = useMutation({
    mutationFn: () => problemsFile(job.id),
    onSuccess: (blob) => saveBlob(blob, 'import-problems.csv'),
    onError: notifyError,
  });
  return (
    <Stack>
      <Alert color={check.problems.length > 0 ? 'yellow' : 'teal'}>
        {t('imports.checkSummary', {
          valid: check.validRows,
          total: check.totalRows,
          create: check.toCreate,
          update: check.toUpdate,
        })}
      </Alert>
      <StagesPanel job={job} check={check} onChecked={onChecked} />
      <OwnersPanel job={job} check={check} onChecked={onChecked} />
      <DuplicatesPanel job={job} check={check} onChecked={onChecked} />
      {check.problems.length === 0 ? (
        <Text c="dimmed">{t('imports.noProblems')}</Text>
      ) : (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t('imports.problemsTitle')}</Title>
            <Button variant="light" onClick={() => download.mutate()} loading={download.isPending}>
              {t('imports.downloadProblems')}
            </Button>
          </Group>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('imports.row')}</Table.Th>
                <Table.Th w={200}>{t('imports.column')}</Table.Th>
                <Table.Th>{t('imports.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {check.problems.slice(0, 100).map((problem) => (
                <Table.Tr key={`${problem.row}:${problem.column}:${problem.message.en}`}>
                  <Table.Td>{problem.row}</Table.Td>
                  <Table.Td>{problem.column ?? '—'}</Table.Td>
                  <Table.Td>
                    {problem.notice && (
                      <Badge variant="light" color="teal" mr="xs">
                        {t('imports.noticeBadge')}
                      </Badge>
                    )}
                    {problemText(problem)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('imports.back')}
        </Button>
        <Button onClick={() => run.mutate()} loading={run.isPending} disabled={check.validRows === 0}>
          {t('imports.start')}
        </Button>
      </Group>
    </Stack>
  );
}

function RunStep({ job, onRestart }: { job: ImportJob; onRestart: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const update = (changed: ImportJob) => queryClient.setQueryData(['imports', job.id], changed);
  const cancel = useMutation({ mutationFn: () => cancelImport(job.id), onSuccess: update, onError: notifyError });
  const resume = useMutation({ mutationFn: () => runImport(job.id), onSuccess: update, onError: notifyError });
  const undo = useMutation({
    mutationFn: () => undoImport(job.id),
    onSuccess: (undone) => {
      update(undone);
      notifySuccess(t('imports.undone'));
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
    },
    onError: notifyError,
  });
  const firstSample = useRef<ProgressSample | undefined>(undefined);
  if (job.status === 'running') {
    const percent = Math.round((job.processedRows / Math.max(job.totalRows, 1)) * 100);
    const now = { at: Date.now(), processed: job.processedRows };
    firstSample.current ??= now;
    const speed = importSpeed(firstSample.current, now, job.totalRows);
    return (
      <Stack>
        <Progress value={percent} size="xl" animated aria-label={t('imports.steps.run')} />
        <Group justify="space-between">
          <Text>
            {t('imports.progress', {
              processed: job.processedRows.toLocaleString(i18n.language),
              total: job.totalRows.toLocaleString(i18n.language),
            })}
            {speed &&
              ` · ${t('imports.speed', {
                rate: speed.rowsPerSecond.toLocaleString(i18n.language),
                left:
                  speed.secondsLeft < 60
                    ? t('imports.seconds', { value: speed.secondsLeft })
                    : t('imports.minutes', { value: Math.ceil(speed.secondsLeft / 60) }),
              })}`}
          </Text>
          {job.interrupted ? (
            <Button onClick={() => resume.mutate()} loading={resume.isPending}>
              {t('imports.resume')}
            </Button>
          ) : (
            <Button color="red" variant="light" onClick={() => cancel.mutate()} disabled={job.cancelRequested}>
              {t('imports.cancel')}
            </Button>
          )}
        </Group>
        {job.interrupted && <Alert color="yellow">{t('imports.interrupted')}</Alert>}
      </Stack>
    );
  }
  const finished = job.status === 'completed' || job.status === 'cancelled' || job.status === 'failed';
  return (
    <Stack>
      <Alert color={job.status === 'completed' ? 'teal' : job.status === 'undone' ? 'gray' : 'yellow'}>
        <Text fw={600}>{t(`imports.result.${job.status === 'draft' ? 'cancelled' : job.status}`)}</Text>
        <Text>
          {t('imports.result.counts', {
            created: job.createdCount.toLocaleString(i18n.language),
            updated: job.updatedCount.toLocaleString(i18n.language),
            unchanged: job.unchangedCount.toLocaleString(i18n.language),
            failed: job.failedCount.toLocaleString(i18n.language),
          })}
        </Text>
      </Alert>
      <Group justify="space-between">
        <Button variant="default" onClick={onRestart}>
          {t('imports.another')}
        </Button>
        {finished && (
          <Button
            color="red"
            variant="light"
            loading={undo.isPending}
            onClick={() =>
              confirmDanger({
                title: t('imports.undoTitle'),
                message: t('imports.undoText', {
                  created: job.createdCount.toLocaleString(i18n.language),
                  updated: job.updatedCount,
                }),
                confirmLabel: t('imports.undo'),
                onConfirm: () => undo.mutate(),
              })
            }
          >
            {t('imports.undo')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
