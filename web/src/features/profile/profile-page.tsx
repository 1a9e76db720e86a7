import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CalendarFeedPanel } from '../relationships/calendar-feed-panel';
import { ApiTokensPanel } from './api-tokens-panel';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';

export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <Stack maw={960}>
      <Title order={2}>{t('profile.title')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ProfileForm />
        <PasswordForm />
      </SimpleGrid>
      <CalendarFeedPanel />
      <ApiTokensPanel />
    </Stack>
  );
}
