import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DetailsList } from '../../shared/details-list';
import { useFormat } from '../../shared/use-format';
import { useCustomFieldValues } from '../custom-fields/custom-field-values';
import { customFieldsQuery } from '../custom-fields/custom-fields-api';
import type { Account } from './accounts-api';

export function AccountDetails({ account }: { account: Account }) {
  const { t } = useTranslation();
  const format = useFormat();
  const definitions = useQuery(customFieldsQuery('account')).data ?? [];
  const customValues = useCustomFieldValues(definitions, account.custom);

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <DetailsList
          entries={[
            { label: t('account.fields.legalName'), value: account.legalName },
            { label: t('account.fields.taxId'), value: account.taxId },
            {
              label: t('account.fields.website'),
              value: account.website && (
                <Anchor href={account.website} target="_blank" rel="noopener noreferrer" size="sm">
                  {account.domain ?? account.website}
                </Anchor>
              ),
            },
            { label: t('account.fields.industry'), value: account.industry },
            { label: t('account.fields.segment'), value: account.segment },
            { label: t('account.fields.currency'), value: account.currency },
            {
              label: t('account.fields.tags'),
              value: account.tags.length > 0 && (
                <Group gap={4}>
                  {account.tags.map((tag) => (
                    <Badge key={tag} variant="outline" size="sm">
                      {tag}
                    </Badge>
                  ))}
                </Group>
              ),
            },
            ...customValues,
            { label: t('account.fields.createdAt'), value: format.dateTime(account.createdAt) },
            { label: t('account.fields.updatedAt'), value: format.dateTime(account.updatedAt) },
          ]}
        />
      </Paper>
      {account.notes && (
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('account.fields.notes')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {account.notes}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
