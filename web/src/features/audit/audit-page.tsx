import { Badge, Button, Center, Code, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../shared/anchor-link';
import { ExportMenu } from '../../shared/export-menu';
import { useFormat } from '../../shared/use-format';
import { type AuditEntry, type AuditedEntity, auditedEntities, auditLogQuery } from './audit-api';
import { diffOf, nameOf } from './audit-diff';

const actionColors = { insert: 'teal', update: 'blue', delete: 'red' } as const;

/** Who changed what and when, newest first; each entry shows its change field by field. */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [entity, setEntity] = useState<AuditedEntity | undefined>();
  const log = useInfiniteQuery(auditLogQuery(entity));
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Select
          w={260}
          aria-label={t('audit.entity')}
          placeholder={t('audit.allEntities')}
          data={auditedEntities.map((value) => ({ value, label: t(`audit.entities.${value}`) }))}
          value={entity ?? null}
          onChange={(value) => setEntity((value as AuditedEntity | null) ?? undefined)}
          clearable
          ml="auto"
        />
        <ExportMenu path="/audit-log/export" name="audit-log" query={{ entity }} />
      </Group>
      <Paper withBorder>
        {log.isPending ? (
          <Center h={160}>
            <Loader aria-label={t('table.loading')} />
          </Center>
        ) : entries.length === 0 ? (
          <Text c="dimmed" p="md">
            {t('audit.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{t('audit.at')}</Table.Th>
                  <Table.Th w={160}>{t('audit.actor')}</Table.Th>
                  <Table.Th w={240}>{t('audit.record')}</Table.Th>
                  <Table.Th>{t('audit.changes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.id} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Text size="sm">{format.dateTime(entry.at)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{entry.actor?.name ?? t('audit.system')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <AuditRecord entry={entry} />
                    </Table.Td>
                    <Table.Td>
                      <AuditChanges entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {log.hasNextPage && (
        <Center>
          <Button variant="subtle" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('table.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}

function AuditRecord({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const name = nameOf(entry.before, entry.after);
  const entity = (auditedEntities as readonly string[]).includes(entry.entity)
    ? t(`audit.entities.${entry.entity as AuditedEntity}`)
    : entry.entity;
  const label = name ?? entry.entityId.slice(0, 8);
  return (
    <Stack gap={4}>
      <Group gap={6}>
        <Badge size="sm" variant="light" color={actionColors[entry.action]}>
          {t(`audit.actions.${entry.action}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {entity}
        </Text>
      </Group>
      {entry.entity === 'accounts' && entry.action !== 'delete' ? (
        <AnchorLink to="/accounts/$accountId" params={{ accountId: entry.entityId }} size="sm">
          {label}
        </AnchorLink>
      ) : entry.entity === 'contacts' && entry.action !== 'delete' ? (
        <AnchorLink to="/contacts" search={{ contact: entry.entityId }} size="sm">
          {label}
        </AnchorLink>
      ) : (
        <Text size="sm">{label}</Text>
      )}
    </Stack>
  );
}

function AuditChanges({ entry }: { entry: AuditEntry }) {
  const changes = diffOf(entry.action, entry.before, entry.after);
  return (
    <Stack gap={2}>
      {changes.map((change) => (
        <Text key={change.field} size="xs" style={{ wordBreak: 'break-word' }}>
          <Code>{change.field}</Code>{' '}
          {change.before !== undefined && (
            <Text span size="xs" c="red.7" td={entry.action === 'update' ? 'line-through' : undefined}>
              {change.before}
            </Text>
          )}
          {change.before !== undefined && change.after !== undefined && ' → '}
          {change.after !== undefined && (
            <Text span size="xs" c="teal.8">
              {change.after}
            </Text>
          )}
        </Text>
      ))}
    </Stack>
  );
}
