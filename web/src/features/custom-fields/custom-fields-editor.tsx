import { ActionIcon, Badge, Button, Group, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldEntity } from '../../api/shared';
import { currentLanguage } from '../../i18n';
import { confirmDanger } from '../../shared/confirm';
import { notifySuccess } from '../../shared/notify';
import { CustomFieldFormModal } from './custom-field-form-modal';
import { type CustomField, customFieldsQuery, useDeleteCustomField } from './custom-fields-api';
import { labelOf } from './custom-values';

/** The workspace's custom fields of accounts and of contacts: add, change, delete. */
export function CustomFieldsEditor() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<CustomFieldEntity>('account');
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const fields = useQuery(customFieldsQuery(entity)).data ?? [];
  const deleteField = useDeleteCustomField();
  const language = currentLanguage();

  const askToDelete = (field: CustomField) =>
    confirmDanger({
      title: t('customFields.deleteTitle'),
      message: t('customFields.deleteText', { label: labelOf(field, language) }),
      confirmLabel: t('actions.delete'),
      onConfirm: () =>
        deleteField.mutate(field, {
          onSuccess: () => notifySuccess(t('customFields.deleted', { label: labelOf(field, language) })),
        }),
    });

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Group>
          <Title order={4}>{t('customFields.title')}</Title>
          <SegmentedControl
            size="xs"
            value={entity}
            onChange={(value) => setEntity(value as CustomFieldEntity)}
            data={[
              { value: 'account', label: t('customFields.ofAccounts') },
              { value: 'contact', label: t('customFields.ofContacts') },
            ]}
          />
        </Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('customFields.add')}
        </Button>
      </Group>
      {fields.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('customFields.empty')}
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customFields.label')}</Table.Th>
              <Table.Th>{t('customFields.key')}</Table.Th>
              <Table.Th>{t('customFields.type')}</Table.Th>
              <Table.Th>{t('customFields.position')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => (
              <Table.Tr key={field.id}>
                <Table.Td>
                  {labelOf(field, language)}{' '}
                  {field.required && (
                    <Badge size="xs" variant="light">
                      {t('customFields.requiredBadge')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {field.key}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`customFieldType.${field.type}`)}</Table.Td>
                <Table.Td>{field.position}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={t('actions.edit')} onClick={() => setEditing(field)}>
                      <IconEdit size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('actions.delete')}
                      onClick={() => askToDelete(field)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CustomFieldFormModal
        entity={entity}
        field={editing === 'new' ? undefined : (editing ?? undefined)}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Paper>
  );
}
