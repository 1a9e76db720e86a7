import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createApiTokenInput } from '../../api/shared';
import { confirmDanger } from '../../shared/confirm';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { useFormat } from '../../shared/use-format';
import { type ApiToken, apiTokensQuery, useCreateApiToken, useRevokeApiToken } from './api-tokens-api';

/** Personal API tokens for scripts and integrations: the secret is shown once, right after creation. */
export function ApiTokensPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const tokens = useQuery(apiTokensQuery).data ?? [];
  const revoke = useRevokeApiToken();
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);

  const askToRevoke = (token: ApiToken) =>
    confirmDanger({
      title: t('tokens.revokeTitle'),
      message: t('tokens.revokeText', { name: token.name }),
      confirmLabel: t('tokens.revoke'),
      onConfirm: () =>
        revoke.mutate(token, { onSuccess: () => notifySuccess(t('tokens.revoked', { name: token.name })) }),
    });

  const statusOf = (token: ApiToken) => {
    if (token.revokedAt) return <Badge color="gray">{t('tokens.statusRevoked')}</Badge>;
    if (token.expiresAt && new Date(token.expiresAt) < new Date())
      return <Badge color="orange">{t('tokens.statusExpired')}</Badge>;
    return <Badge color="teal">{t('tokens.statusActive')}</Badge>;
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t('tokens.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('tokens.hint')}
        </Text>
        {secret && (
          <Alert
            icon={<IconKey />}
            color="yellow"
            title={t('tokens.secretTitle', { name: secret.name })}
            withCloseButton
            onClose={() => setSecret(null)}
          >
            <Stack gap="xs">
              <Text size="sm">{t('tokens.secretOnce')}</Text>
              <Group gap="xs" wrap="nowrap">
                <Code fz="sm" p="xs" flex={1} style={{ wordBreak: 'break-all' }} data-testid="api-token-secret">
                  {secret.token}
                </Code>
                <CopyButton value={secret.token}>
                  {({ copied, copy }) => (
                    <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                      {copied ? t('actions.copied') : t('actions.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
        <NewTokenForm onCreated={setSecret} />
        {tokens.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tokens.name')}</Table.Th>
                  <Table.Th>{t('tokens.prefix')}</Table.Th>
                  <Table.Th>{t('tokens.createdAt')}</Table.Th>
                  <Table.Th>{t('tokens.lastUsedAt')}</Table.Th>
                  <Table.Th>{t('tokens.expiresAt')}</Table.Th>
                  <Table.Th>{t('tokens.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>
                      <Code>{token.tokenPrefix}…</Code>
                    </Table.Td>
                    <Table.Td>{format.date(token.createdAt)}</Table.Td>
                    <Table.Td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens.never')}</Table.Td>
                    <Table.Td>{token.expiresAt ? format.date(token.expiresAt) : t('tokens.never')}</Table.Td>
                    <Table.Td>{statusOf(token)}</Table.Td>
                    <Table.Td>
                      {!token.revokedAt && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => askToRevoke(token)}>
                          {t('tokens.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

function NewTokenForm({ onCreated }: { onCreated: (secret: { name: string; token: string }) => void }) {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const inputOf = (values: { name: string; expiresInDays: number | string }) => ({
    name: values.name,
    ...(values.expiresInDays === '' ? {} : { expiresInDays: Number(values.expiresInDays) }),
  });
  const form = useForm({
    initialValues: { name: '', expiresInDays: '' as number | string },
    validate: (values) => schemaErrors(createApiTokenInput, inputOf(values)),
  });
  const submit = form.onSubmit((values) =>
    create.mutate(inputOf(values), {
      onSuccess: ({ token, apiToken }) => {
        form.reset();
        onCreated({ name: apiToken.name, token });
      },
      onError: (error) => showErrorOnForm(form, error),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <TextInput
          label={t('tokens.name')}
          placeholder={t('tokens.namePlaceholder')}
          w={260}
          {...form.getInputProps('name')}
        />
        <NumberInput
          label={t('tokens.expiresInDays')}
          placeholder={t('tokens.noExpiry')}
          min={1}
          max={3650}
          w={200}
          {...form.getInputProps('expiresInDays')}
        />
        <Button type="submit" mt={25} loading={create.isPending}>
          {t('tokens.create')}
        </Button>
      </Group>
    </form>
  );
}
