import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from '../api/shared';
import { useUpdateProfile } from '../features/auth/auth-api';
import { applyLanguage, currentLanguage } from '../i18n';

const choices: { value: Locale; label: string }[] = [
  { value: 'ru', label: 'RU' },
  { value: 'en', label: 'EN' },
];

/** RU / EN. The choice is remembered in this browser and, when signed in, saved to the profile. */
export function LanguageSwitch({ saveToProfile = false }: { saveToProfile?: boolean }) {
  const { t, i18n } = useTranslation();
  const updateProfile = useUpdateProfile();
  const language = isLocale(i18n.language) ? i18n.language : currentLanguage();

  const choose = async (value: string) => {
    if (!isLocale(value) || value === language) return;
    await applyLanguage(value, { remember: true });
    if (saveToProfile) updateProfile.mutate({ locale: value });
  };

  return (
    <SegmentedControl
      size="xs"
      data={choices}
      value={language}
      onChange={(value) => void choose(value)}
      aria-label={t('shell.language')}
    />
  );
}
