import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  Background,
  Controls,
  type Edge,
  MarkerType,
  MiniMap,
  type Node,
  type NodeHandle,
  Position,
  ReactFlow,
  useNodesState,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { buyingRoles, influenceLevels, supportLevels } from '../../api/shared';
import { notifyError, notifySuccess } from '../../shared/notify';
import { dropTarget } from './drop-target-store';
import { defaultLayoutOptions, isInSubtree, keepOnly, layOutOrgChart } from './org-chart-layout';
import { type OrgChart, useChangeManager } from './relationships-api';
import { type CardWords, StakeholderCard, type StakeholderNode } from './stakeholder-card';

const nodeTypes = { stakeholder: StakeholderCard };
const fitOptions = { padding: 0.08, maxZoom: 1 };
const refitUpTo = 60;
/**
 * From this many people on, the chart opens at a readable zoom on its top and draws only the
 * cards in view (2,000 cards all at once take 2–3 s to appear, and are unreadable at that zoom);
 * zooming out draws the rest.
 */
export const largeChart = 300;
const readableZoom = 0.8;
const { cardWidth, cardHeight } = defaultLayoutOptions;
// NOTE: where a card's handles are, declared up front: React Flow then knows every node without
// drawing it first, so with `onlyRenderVisibleElements` the opening frame draws only the cards in view.
const cardHandles: NodeHandle[] = [
  { id: 'top', type: 'target', position: Position.Top, x: cardWidth / 2, y: 0 },
  { id: 'left', type: 'target', position: Position.Left, x: 0, y: cardHeight / 2 },
  { id: 'bottom', type: 'source', position: Position.Bottom, x: cardWidth / 2, y: cardHeight },
];
/** Card colours by support, for the minimap and the legend. */
export const supportColours: Record<string, string> = {
  mentor: '#0b7285',
  supporter: '#40c057',
  neutral: '#868e96',
  non_supporter: '#fd7e14',
  enemy: '#e03131',
  unknown: '#ced4da',
};

type OrgChartCanvasProps = {
  chart: OrgChart;
  keyPlayersOnly: boolean;
  showLinks: boolean;
  canEdit: boolean;
  onOpen: (contactId: string) => void;
};

/** The org chart itself: laid out, pannable and zoomable; a card dropped on another changes whom it reports to. */
export function OrgChartCanvas({ chart, keyPlayersOnly, showLinks, canEdit, onOpen }: OrgChartCanvasProps) {
  const { t } = useTranslation();
  const { getIntersectingNodes, fitView, setCenter } = useReactFlow();
  const paneHeight = useStore((state) => state.height);
  const large = chart.people.length > largeChart;
  const changeManager = useChangeManager();
  const people = useMemo(
    () => (keyPlayersOnly ? keepOnly(chart.people, (person) => person.keyPlayer) : chart.people),
    [chart.people, keyPlayersOnly],
  );
  const owners = useMemo(() => new Map(chart.owners.map((owner) => [owner.id, owner])), [chart.owners]);
  const words = useMemo<CardWords>(() => {
    const labels = (prefix: string, values: readonly string[]) =>
      Object.fromEntries(values.map((value) => [value, t(`${prefix}.${value}` as never) as string]));
    return {
      keyPlayer: t('orgChart.keyPlayer'),
      unknownSupport: t('orgChart.unknownSupport'),
      support: labels('support', supportLevels),
      buyingRole: labels('buyingRole', buyingRoles),
      buyingRoleShort: labels('buyingRoleShort', buyingRoles),
      influenceShort: labels('influenceShort', influenceLevels),
      stale: (days) =>
        t('orgChart.stale', {
          since: days === null ? t('relationships.neverContacted') : t('relationships.lastContact', { count: days }),
        }),
    };
  }, [t]);
  const layout = useMemo(() => layOutOrgChart(people), [people]);
  const laidOut = useMemo<StakeholderNode[]>(
    () =>
      people.map((person) => ({
        id: person.id,
        type: 'stakeholder',
        position: layout.positions.get(person.id) ?? { x: 0, y: 0 },
        data: { person, owners, words },
        width: cardWidth,
        height: cardHeight,
        // NOTE: cards have a fixed size: the chart need not wait for measuring to fit the view.
        measured: { width: cardWidth, height: cardHeight },
        handles: cardHandles,
        draggable: canEdit,
        connectable: false,
      })),
    [people, layout, owners, words, canEdit],
  );
  const edges = useMemo<Edge[]>(() => {
    const shown = new Set(people.map((person) => person.id));
    const lines: Edge[] = people
      .filter((person) => person.reportsToId && shown.has(person.reportsToId))
      .map((person) => ({
        id: `reports:${person.id}`,
        source: person.reportsToId as string,
        target: person.id,
        sourceHandle: 'bottom',
        targetHandle: layout.positions.get(person.id)?.stacked ? 'left' : 'top',
        type: 'smoothstep',
        style: { stroke: '#adb5bd', strokeWidth: 1.5 },
      }));
    if (!showLinks) return lines;
    for (const link of chart.links) {
      if (!shown.has(link.fromContactId) || !shown.has(link.toContactId)) continue;
      const conflict = link.kind === 'in_conflict_with';
      const colour = conflict ? '#e03131' : '#7048e8';
      lines.push({
        id: `link:${link.id}`,
        source: link.fromContactId,
        target: link.toContactId,
        sourceHandle: 'bottom',
        targetHandle: 'top',
        type: 'default',
        style: { stroke: colour, strokeWidth: 2, strokeDasharray: '6 5' },
        ...(conflict ? {} : { markerEnd: { type: MarkerType.ArrowClosed, color: colour } }),
        ariaLabel: t(`linkKind.${link.kind}`),
      });
    }
    return lines;
  }, [people, layout, chart.links, showLinks, t]);
  const [nodes, setNodes, onNodesChange] = useNodesState<StakeholderNode>(laidOut);
  const opened = useRef(false);
  useEffect(() => {
    if (!large || opened.current || paneHeight === 0) return;
    opened.current = true;
    const top = laidOut.reduce<StakeholderNode | undefined>(
      (highest, node) => (!highest || node.position.y < highest.position.y ? node : highest),
      undefined,
    );
    if (!top) return;
    const margin = 24;
    void setCenter(
      top.position.x + defaultLayoutOptions.cardWidth / 2,
      top.position.y + (paneHeight / 2 - margin) / readableZoom,
      { zoom: readableZoom },
    );
  }, [large, laidOut, paneHeight, setCenter]);
  useEffect(() => {
    setNodes(laidOut);
    // NOTE: a small chart follows its new shape into view; on a big one the reader keeps their place.
    if (laidOut.length <= refitUpTo) {
      const frame = requestAnimationFrame(() => void fitView({ ...fitOptions, duration: 200 }));
      return () => cancelAnimationFrame(frame);
    }
  }, [laidOut, setNodes, fitView]);

  const nearestUnder = useCallback(
    (node: Node) => {
      const centre = (candidate: Node) => ({
        x: candidate.position.x + defaultLayoutOptions.cardWidth / 2,
        y: candidate.position.y + defaultLayoutOptions.cardHeight / 2,
      });
      const here = centre(node);
      let nearest: { id: string; distance: number } | null = null;
      for (const other of getIntersectingNodes(node)) {
        if (other.id === node.id) continue;
        const there = centre(other);
        const distance = Math.hypot(there.x - here.x, there.y - here.y);
        if (!nearest || distance < nearest.distance) nearest = { id: other.id, distance };
      }
      return nearest?.id ?? null;
    },
    [getIntersectingNodes],
  );

  const move = useCallback(
    (personId: string, managerId: string) => {
      const person = chart.people.find((candidate) => candidate.id === personId);
      const manager = chart.people.find((candidate) => candidate.id === managerId);
      if (!person || !manager || person.reportsToId === managerId) return;
      const names = { person: person.fullName, manager: manager.fullName };
      if (isInSubtree(chart.people, personId, managerId)) {
        notifications.show({ color: 'red', message: t('orgChart.cycle', names) });
        return;
      }
      const previous = person.reportsToId;
      modals.openConfirmModal({
        title: t('orgChart.moveTitle'),
        children: <Text size="sm">{t('orgChart.moveText', names)}</Text>,
        labels: { confirm: t('orgChart.moveConfirm'), cancel: t('actions.cancel') },
        onConfirm: () =>
          changeManager.mutate(
            { id: person.id, version: person.version, reportsToId: manager.id },
            {
              onSuccess: (moved) => {
                const toast = `move-${moved.id}-${moved.version}`;
                const undo = () => {
                  notifications.hide(toast);
                  changeManager.mutate(
                    { id: moved.id, version: moved.version, reportsToId: previous },
                    { onSuccess: () => notifySuccess(t('orgChart.undone')), onError: notifyError },
                  );
                };
                notifications.show({
                  id: toast,
                  color: 'teal',
                  autoClose: 10_000,
                  message: (
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="sm">{t('orgChart.moved', names)}</Text>
                      <Button size="compact-sm" variant="light" onClick={undo}>
                        {t('orgChart.undo')}
                      </Button>
                    </Group>
                  ),
                });
              },
            },
          ),
      });
    },
    [chart.people, changeManager, t],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onNodeDrag={(_event, node) => dropTarget.set(nearestUnder(node))}
      onNodeDragStop={(_event, node) => {
        const target = nearestUnder(node);
        dropTarget.set(null);
        setNodes(laidOut);
        if (target) move(node.id, target);
      }}
      onNodeClick={(_event, node) => onOpen(node.id)}
      nodesConnectable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      fitView={!large}
      fitViewOptions={fitOptions}
      onlyRenderVisibleElements={large}
      minZoom={0.01}
      maxZoom={2}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={24} />
      <Controls showInteractive={false} />
      <MiniMap
        pannable
        zoomable
        nodeColor={(node) => supportColours[(node as StakeholderNode).data.person.support ?? 'unknown'] ?? '#ced4da'}
      />
    </ReactFlow>
  );
}
