import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quadrant } from '../../api/shared';
import { quadrantColors } from './portfolio-values';

/** An account's quadrant; outlined and marked when the score it rests on is provisional. */
export function QuadrantBadge({ quadrant, complete = true }: { quadrant: Quadrant | null; complete?: boolean }) {
  const { t } = useTranslation();
  if (!quadrant) {
    return (
      <Badge color="gray" variant="outline">
        {t('portfolio.unscored')}
      </Badge>
    );
  }
  const badge = (
    <Badge color={quadrantColors[quadrant]} variant={complete ? 'filled' : 'outline'}>
      {t(`portfolio.quadrant.${quadrant}`)}
      {complete ? '' : ' *'}
    </Badge>
  );
  return complete ? badge : <Tooltip label={t('portfolio.provisionalHint')}>{badge}</Tooltip>;
}
