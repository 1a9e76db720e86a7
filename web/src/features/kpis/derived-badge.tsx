import { Badge, Tooltip } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const knownModules = ['finance', 'delivery'] as const;

/** The module's name in the reader's language (a module the web app does not know keeps its id). */
export function useModuleName() {
  const { t } = useTranslation();
  return (module: string) =>
    (knownModules as readonly string[]).includes(module)
      ? t(`kpis.derived.module.${module as (typeof knownModules)[number]}`)
      : module;
}

/** Marks a series Accord computes from another module's data (read-only, decision 0013). */
export function DerivedBadge({ module }: { module: string }) {
  const { t } = useTranslation();
  const moduleName = useModuleName()(module);
  return (
    <Tooltip label={t('kpis.derived.hint', { module: moduleName })} multiline w={280}>
      <Badge variant="light" color="grape" leftSection={<IconLink size={12} />} data-testid="derived-badge">
        {t('kpis.derived.badge', { module: moduleName })}
      </Badge>
    </Tooltip>
  );
}
