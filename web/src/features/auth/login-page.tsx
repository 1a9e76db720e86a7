import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { loginInput } from '../../api/shared';
import { LanguageSwitch } from '../../app/language-switch';
import { adoptProfileLanguage } from '../../i18n';
import { schemaErrors } from '../../shared/forms';
import { useLogin } from './auth-api';

export type LoginSearch = { redirect?: string };

/** Only a path inside this app: never another origin (`//evil.example`). */
export function parseLoginSearch(search: Record<string, unknown>): LoginSearch {
  const redirect = search.redirect;
  return typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//') ? { redirect } : {};
}

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const router = useRouter();
  const navigate = useNavigate();
  const { redirect } = useSearch({ from: '/login' });
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: (values) => schemaErrors(loginInput, values),
  });

  const submit = form.onSubmit((values) =>
    login.mutate(values, {
      onSuccess: (me) => {
        adoptProfileLanguage(me.user.locale);
        if (redirect && !redirect.startsWith('/login')) router.history.push(redirect);
        else void navigate({ to: '/accounts' });
      },
    }),
  );

  const problem = isApiError(login.error) ? login.error.problem : undefined;
  return (
    <Center mih="100dvh" p="md" bg="var(--mantine-color-gray-0)">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between">
              <Title order={2}>Accord</Title>
              <LanguageSwitch />
            </Group>
            <Title order={4} fw={500}>
              {t('auth.title')}
            </Title>
            {problem && (
              <Alert color={problem.status === 429 ? 'orange' : 'red'} icon={<IconAlertCircle />} title={problem.title}>
                {problem.status === 429 ? `${problem.detail} ${t('auth.tooManyHint')}` : problem.detail}
              </Alert>
            )}
            {login.error && !problem && (
              <Alert color="red" icon={<IconAlertCircle />}>
                {String(login.error)}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              data-autofocus
              autoFocus
              required
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              {t('auth.signIn')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
