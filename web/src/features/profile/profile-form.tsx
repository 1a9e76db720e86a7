import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isLocale, updateProfileInput } from '../../api/shared';
import { applyLanguage } from '../../i18n';
import { schemaErrors, showErrorOnForm } from '../../shared/forms';
import { notifySuccess } from '../../shared/notify';
import { useUpdateProfile } from '../auth/auth-api';
import { useMe } from '../auth/session';

export function ProfileForm() {
  const { t } = useTranslation();
  const me = useMe();
  const update = useUpdateProfile();
  const form = useForm({
    initialValues: { name: me.user.name, locale: me.user.locale },
    validate: (values) => schemaErrors(updateProfileInput, values),
  });
  const submit = form.onSubmit((values) =>
    update.mutate(
      { name: values.name, ...(isLocale(values.locale) ? { locale: values.locale } : {}) },
      {
        onSuccess: (saved) => {
          form.resetDirty(values);
          if (isLocale(saved.user.locale)) void applyLanguage(saved.user.locale, { remember: true });
          notifySuccess(t('profile.saved'));
        },
        onError: (error) => showErrorOnForm(form, error),
      },
    ),
  );
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={4}>{t('profile.details')}</Title>
          <TextInput label={t('profile.email')} value={me.user.email} readOnly variant="filled" />
          <TextInput label={t('profile.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('profile.language')}
            data={[
              { value: 'ru', label: 'Русский' },
              { value: 'en', label: 'English' },
            ]}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              {t('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
