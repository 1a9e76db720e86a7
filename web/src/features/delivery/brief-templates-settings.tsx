import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BriefField, type BriefFieldType, briefFieldTypes, createBriefTemplateInput } from '../../api/shared';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifyError, notifySuccess } from '../../shared/notify';
import { allBriefTemplatesQuery, type BriefTemplate, clientWorkApi } from './client-work-api';
import { useDeliveryMutation } from './delivery-api';

/** The workspace's brief templates: add, edit, retire and bring back. */
export function BriefTemplatesSettings() {
  const { t } = useTranslation();
  const templates = useQuery(allBriefTemplatesQuery);
  const [editing, setEditing] = useState<BriefTemplate | 'new' | null>(null);
  const retire = useDeliveryMutation(clientWorkApi.updateBriefTemplate);
  const toggle = (template: BriefTemplate) =>
    retire.mutate(
      { id: template.id, version: template.version, retired: !template.retired },
      {
        onSuccess: () =>
          notifySuccess(
            t(template.retired ? 'clientWork.briefTemplates.restored' : 'clientWork.briefTemplates.retiredDone', {
              name: template.name,
            }),
          ),
        onError: notifyError,
      },
    );
  return (
    <Stack>
      <Text c="dimmed">{t('clientWork.briefTemplates.hint')}</Text>
      <Button w="fit-content" onClick={() => setEditing('new')}>
        {t('clientWork.briefTemplates.new')}
      </Button>
      <Table aria-label={t('clientWork.briefTemplates.title')} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clientWork.briefTemplates.name')}</Table.Th>
            <Table.Th>{t('clientWork.briefTemplates.fields')}</Table.Th>
            <Table.Th>{t('clientWork.briefTemplates.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(templates.data?.items ?? []).map((template) => (
            <Table.Tr key={template.id}>
              <Table.Td>{template.name}</Table.Td>
              <Table.Td>{template.fields.map((field) => field.label).join(', ')}</Table.Td>
              <Table.Td>
                <Badge color={template.retired ? 'gray' : 'teal'} variant="light">
                  {t(template.retired ? 'clientWork.briefTemplates.retired' : 'clientWork.briefTemplates.inUse')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Button size="xs" variant="default" onClick={() => setEditing(template)}>
                    {t('actions.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color={template.retired ? 'teal' : 'gray'}
                    onClick={() => toggle(template)}
                  >
                    {t(template.retired ? 'clientWork.briefTemplates.restore' : 'clientWork.briefTemplates.retire')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        size="xl"
        title={t(editing === 'new' ? 'clientWork.briefTemplates.new' : 'clientWork.briefTemplates.edit')}
      >
        {editing !== null && (
          <TemplateForm template={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}

type TemplateValues = { name: string; fields: BriefField[] };

function TemplateForm({ template, onClose }: { template?: BriefTemplate; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useDeliveryMutation(clientWorkApi.createBriefTemplate);
  const update = useDeliveryMutation(clientWorkApi.updateBriefTemplate);
  const form = useForm<TemplateValues>({
    initialValues: {
      name: template?.name ?? '',
      fields: template?.fields ?? [{ key: 'goal', label: '', type: 'text', required: true }],
    },
    validate: (values) => schemaErrors(createBriefTemplateInput, values),
  });
  // NOTE: React keys of the field rows, kept beside the values so they never go to the server.
  const [rowKeys, setRowKeys] = useState(() => form.values.fields.map(() => crypto.randomUUID()));
  const submit = form.onSubmit((values) => {
    const done = {
      onSuccess: () => {
        notifySuccess(t('clientWork.briefTemplates.saved', { name: values.name }));
        onClose();
      },
      onError: (error: unknown) => showErrorOnForm(form, error),
    };
    if (template) update.mutate({ id: template.id, version: template.version, ...values }, done);
    else create.mutate(values, done);
  });
  const submitWithCtrlEnter = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };
  return (
    <form onSubmit={submit} onKeyDown={submitWithCtrlEnter} noValidate>
      <Stack>
        <TextInput
          label={t('clientWork.briefTemplates.name')}
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        {form.values.fields.map((field, index) => (
          <Group key={rowKeys[index]} align="flex-end" wrap="nowrap">
            <TextInput
              w={150}
              label={t('clientWork.briefTemplates.key')}
              {...form.getInputProps(`fields.${index}.key`)}
            />
            <TextInput
              style={{ flex: 1 }}
              label={t('clientWork.briefTemplates.label')}
              {...form.getInputProps(`fields.${index}.label`)}
            />
            <Select
              w={160}
              label={t('clientWork.briefTemplates.type')}
              data={briefFieldTypes.map((type) => ({
                value: type,
                label: t(`clientWork.briefTemplates.types.${type}`),
              }))}
              allowDeselect={false}
              value={field.type}
              onChange={(value) =>
                form.setFieldValue(`fields.${index}.type`, (value as BriefFieldType | null) ?? 'text')
              }
            />
            <Checkbox
              mb={8}
              label={t('clientWork.briefTemplates.required')}
              {...form.getInputProps(`fields.${index}.required`, { type: 'checkbox' })}
            />
            <ActionIcon
              mb={4}
              variant="subtle"
              color="red"
              aria-label={t('clientWork.briefTemplates.removeField', { label: field.label || field.key })}
              onClick={() => {
                form.removeListItem('fields', index);
                setRowKeys((keys) => keys.filter((_, position) => position !== index));
              }}
              disabled={form.values.fields.length === 1}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {typeof form.errors.fields === 'string' && (
          <Text c="red" size="sm">
            {form.errors.fields}
          </Text>
        )}
        <Button
          variant="subtle"
          w="fit-content"
          onClick={() => {
            form.insertListItem('fields', {
              key: `field_${form.values.fields.length + 1}`,
              label: '',
              type: 'text',
              required: false,
            });
            setRowKeys((keys) => [...keys, crypto.randomUUID()]);
          }}
        >
          {t('clientWork.briefTemplates.addField')}
        </Button>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
