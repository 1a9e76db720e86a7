import { Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { changePasswordInput } from '../../api/shared';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';

/** Changing the password signs out the user's other sessions; this one stays. */
export function PasswordForm() {
  const { t } = useTranslation();
  const change = useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.post<void>('/me/password', input),
    meta: { handlesErrors: true },
  });
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
    validate: (values) => ({
      ...schemaErrors(changePasswordInput, {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      }),
      ...(values.repeatPassword !== values.newPassword ? { repeatPassword: t('profile.passwordsDiffer') } : {}),
    }),
  });
  const submit = form.onSubmit(({ currentPassword, newPassword }) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess(t('profile.passwordChanged'));
        },
        onError: (error) => showErrorOnForm(form, error),
      },
    ),
  );
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={4}>{t('profile.changePassword')}</Title>
          <PasswordInput
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('profile.newPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('profile.repeatPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('repeatPassword')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('profile.changePasswordSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
