import { IconClockExclamation, IconStarFilled } from '@tabler/icons-react';
import { Handle, type Node, type NodeProps, Position, useStore } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsDropTarget } from './drop-target-store';
import type { ChartPerson } from './relationships-api';
import classes from './stakeholder-card.module.css';

export type StakeholderNodeData = {
  person: ChartPerson;
  owners: ReadonlyMap<string, { initials: string; name: string | null }>;
};

export type StakeholderNode = Node<StakeholderNodeData, 'stakeholder'>;

// NOTE: below this zoom a card shows only the name, large: the details would be unreadable, and
// drawing less keeps 2,000 cards fluid.
const detailZoom = 0.45;

/** One person on the org chart: coloured by support, with role and influence, our owners and a stale warning. */
export const StakeholderCard = memo(function StakeholderCard({ id, data }: NodeProps<StakeholderNode>) {
  const { t } = useTranslation();
  const zoomedOut = useStore((state) => state.transform[2] < detailZoom);
  const isDropTarget = useIsDropTarget(id);
  const { person, owners } = data;
  const since =
    person.freshnessDays === null
      ? t('relationships.neverContacted')
      : t('relationships.lastContact', { count: person.freshnessDays });
  const describedSupport = person.support ? t(`support.${person.support}`) : t('orgChart.unknownSupport');
  return (
    <div
      className={classes.card}
      data-support={person.support ?? 'unknown'}
      data-drop-target={isDropTarget}
      data-testid="stakeholder-card"
      title={`${person.fullName}${person.title ? ` — ${person.title}` : ''}\n${describedSupport}`}
    >
      <Handle type="target" position={Position.Top} id="top" className={classes.handle} isConnectable={false} />
      <Handle type="target" position={Position.Left} id="left" className={classes.handle} isConnectable={false} />
      {zoomedOut ? (
        <div className={`${classes.name} ${classes.compact}`}>{person.fullName}</div>
      ) : (
        <>
          <div className={classes.name}>
            {person.keyPlayer && (
              <IconStarFilled size={12} className={classes.star} aria-label={t('orgChart.keyPlayer')} />
            )}
            <span>{person.fullName}</span>
          </div>
          <div className={classes.title}>{person.title ?? '\u00a0'}</div>
          <div className={classes.row}>
            {person.buyingRole && (
              <span className={classes.badge} data-kind="role" title={t(`buyingRole.${person.buyingRole}`)}>
                {t(`buyingRoleShort.${person.buyingRole}`)}
              </span>
            )}
            {person.influence && (
              <span className={classes.badge} data-influence={person.influence}>
                {t(`influenceShort.${person.influence}`)}
              </span>
            )}
            {person.stale && (
              <span className={classes.stale} title={t('orgChart.stale', { since })}>
                <IconClockExclamation size={13} aria-label={t('orgChart.stale', { since })} />
                {person.freshnessDays === null ? '—' : `${person.freshnessDays}`}
              </span>
            )}
            <span className={classes.owners}>
              {person.coverage.slice(0, 3).map((coverage) => {
                const owner = owners.get(coverage.userId);
                return (
                  <span key={coverage.id} className={classes.avatar} title={owner?.name ?? ''}>
                    {owner?.initials ?? '?'}
                  </span>
                );
              })}
            </span>
          </div>
        </>
      )}
      <Handle type="source" position={Position.Bottom} id="bottom" className={classes.handle} isConnectable={false} />
    </div>
  );
});
