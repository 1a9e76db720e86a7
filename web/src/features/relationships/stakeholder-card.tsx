import { IconClockExclamation, IconStarFilled } from '@tabler/icons-react';
import { Handle, type Node, type NodeProps, Position, useStore } from '@xyflow/react';
import { memo } from 'react';
import { useIsDropTarget } from './drop-target-store';
import type { ChartPerson } from './relationships-api';
import classes from './stakeholder-card.module.css';

/** The words a card shows, translated once for the whole chart rather than in each of 2,000 cards. */
export type CardWords = {
  keyPlayer: string;
  unknownSupport: string;
  support: Record<string, string>;
  buyingRole: Record<string, string>;
  buyingRoleShort: Record<string, string>;
  influenceShort: Record<string, string>;
  /** "Not contacted: …" for a number of days, or never (null). */
  stale: (days: number | null) => string;
};

export type StakeholderNodeData = {
  person: ChartPerson;
  owners: ReadonlyMap<string, { initials: string; name: string | null }>;
  words: CardWords;
};

export type StakeholderNode = Node<StakeholderNodeData, 'stakeholder'>;

// NOTE: below this zoom a card shows only the name, large: the details would be unreadable, and
// drawing less keeps 2,000 cards fluid.
const detailZoom = 0.45;

/** One person on the org chart: coloured by support, with role and influence, our owners and a stale warning. */
export const StakeholderCard = memo(function StakeholderCard({ id, data }: NodeProps<StakeholderNode>) {
  const zoomedOut = useStore((state) => state.transform[2] < detailZoom);
  const isDropTarget = useIsDropTarget(id);
  const { person, owners, words } = data;
  const describedSupport = person.support ? words.support[person.support] : words.unknownSupport;
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
        <div className={classes.compact}>{person.fullName}</div>
      ) : (
        <>
          <div className={classes.name}>
            {person.keyPlayer && <IconStarFilled size={12} className={classes.star} aria-label={words.keyPlayer} />}
            <span>{person.fullName}</span>
          </div>
          <div className={classes.title}>{person.title ?? '\u00a0'}</div>
          <div className={classes.row}>
            {person.buyingRole && (
              <span className={classes.badge} data-kind="role" title={words.buyingRole[person.buyingRole]}>
                {words.buyingRoleShort[person.buyingRole]}
              </span>
            )}
            {person.influence && (
              <span className={classes.badge} data-influence={person.influence}>
                {words.influenceShort[person.influence]}
              </span>
            )}
            {person.stale && (
              <span className={classes.stale} title={words.stale(person.freshnessDays)}>
                <IconClockExclamation size={13} aria-label={words.stale(person.freshnessDays)} />
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
