import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Input,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  type CustomFieldEntity,
  type CustomFieldType,
  createCustomFieldInput,
  customFieldTypes,
  updateCustomFieldInput,
} from '../../api/shared';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { type CustomField, type CustomFieldOption, useSaveCustomField } from './custom-fields-api';

type CustomFieldFormModalProps = {
  entity: CustomFieldEntity;
  field?: CustomField;
  opened: boolean;
  onClose: () => void;
};

export function CustomFieldFormModal(props: CustomFieldFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={props.field ? t('customFields.editTitle') : t('customFields.newTitle')}
    >
      <CustomFieldForm {...props} />
    </Modal>
  );
}

type Values = {
  key: string;
  type: CustomFieldType;
  labelEn: string;
  labelRu: string;
  required: boolean;
  position: number | string;
  options: CustomFieldOption[];
};

function CustomFieldForm({ entity, field, onClose }: CustomFieldFormModalProps) {
  const { t } = useTranslation();
  const save = useSaveCustomField();
  // NOTE: key, entity and type are fixed once the field exists; only these may change.
  const inputOf = (values: Values) => {
    const changeable = {
      labelEn: values.labelEn,
      labelRu: values.labelRu,
      required: values.required,
      position: Number(values.position) || 0,
      options: values.type === 'select' ? values.options : [],
    };
    return field ? changeable : { ...changeable, entity, key: values.key, type: values.type };
  };
  const form = useForm<Values>({
    initialValues: {
      key: field?.key ?? '',
      type: field?.type ?? 'text',
      labelEn: field?.labelEn ?? '',
      labelRu: field?.labelRu ?? '',
      required: field?.required ?? false,
      position: field?.position ?? 0,
      options: field?.options.map((option) => ({ ...option })) ?? [],
    },
    validate: (values) => schemaErrors(field ? updateCustomFieldInput : createCustomFieldInput, inputOf(values)),
  });
  const submit = form.onSubmit((values) =>
    save.mutate(
      { field, change: inputOf(values) },
      {
        onSuccess: () => {
          notifySuccess(t('customFields.saved'));
          onClose();
        },
        onError: (error) => showErrorOnForm(form, error),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput label={t('customFields.labelRu')} required data-autofocus {...form.getInputProps('labelRu')} />
          <TextInput label={t('customFields.labelEn')} required {...form.getInputProps('labelEn')} />
          <TextInput
            label={t('customFields.key')}
            description={t('customFields.keyHint')}
            disabled={Boolean(field)}
            required
            {...form.getInputProps('key')}
          />
          <Select
            label={t('customFields.type')}
            data={customFieldTypes.map((type) => ({ value: type, label: t(`customFieldType.${type}`) }))}
            disabled={Boolean(field)}
            allowDeselect={false}
            {...form.getInputProps('type')}
          />
          <NumberInput label={t('customFields.position')} min={0} max={10000} {...form.getInputProps('position')} />
          <Checkbox
            mt="xl"
            label={t('customFields.requiredLabel')}
            {...form.getInputProps('required', { type: 'checkbox' })}
          />
        </SimpleGrid>
        {form.values.type === 'select' && (
          <Input.Wrapper label={t('customFields.options')} error={form.errors.options}>
            <Stack gap={6} mt={4}>
              {form.values.options.map((_option, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
                <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
                  <TextInput
                    flex={1}
                    placeholder={t('customFields.optionValue')}
                    aria-label={t('customFields.optionValue')}
                    {...form.getInputProps(`options.${index}.value`)}
                  />
                  <TextInput
                    flex={1}
                    placeholder={t('customFields.labelRu')}
                    aria-label={t('customFields.labelRu')}
                    {...form.getInputProps(`options.${index}.labelRu`)}
                  />
                  <TextInput
                    flex={1}
                    placeholder={t('customFields.labelEn')}
                    aria-label={t('customFields.labelEn')}
                    {...form.getInputProps(`options.${index}.labelEn`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('actions.remove')}
                    onClick={() => form.removeListItem('options', index)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => form.insertListItem('options', { value: '', labelEn: '', labelRu: '' })}
                >
                  {t('customFields.addOption')}
                </Button>
              </Group>
            </Stack>
          </Input.Wrapper>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
