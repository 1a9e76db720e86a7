import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { CustomField } from './custom-fields-api';
import { type CustomFormValues, labelOf } from './custom-values';

type FormWithCustomValues = UseFormReturnType<{ custom: CustomFormValues }>;

/** One input per custom field, chosen by its type, labelled in the UI language. */
export function CustomFieldInputs<Values extends { custom: CustomFormValues }>(props: {
  definitions: readonly CustomField[];
  form: UseFormReturnType<Values>;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  // NOTE: the inputs only touch `custom.*`, which every such form has.
  const form = props.form as unknown as FormWithCustomValues;
  if (props.definitions.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {props.definitions.map((definition) => {
        const path = `custom.${definition.key}`;
        const common = {
          label: labelOf(definition, language),
          required: definition.required,
          ...form.getInputProps(path),
        };
        switch (definition.type) {
          case 'number':
            return <NumberInput key={definition.key} {...common} decimalSeparator={language === 'ru' ? ',' : '.'} />;
          case 'date':
            return <TextInput key={definition.key} {...common} type="date" />;
          case 'boolean':
            return (
              <Select
                key={definition.key}
                {...common}
                data={[
                  { value: 'true', label: t('common.yes') },
                  { value: 'false', label: t('common.no') },
                ]}
                clearable
              />
            );
          case 'select':
            return (
              <Select
                key={definition.key}
                {...common}
                data={definition.options.map((option) => ({ value: option.value, label: labelOf(option, language) }))}
                clearable
                searchable
              />
            );
          default:
            return <TextInput key={definition.key} {...common} />;
        }
      })}
    </SimpleGrid>
  );
}
