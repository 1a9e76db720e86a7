import { Button, Loader, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, memo, type ReactNode, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './virtual-table.module.css';

export type VirtualColumn<Row> = {
  key: string;
  header: ReactNode;
  /** A CSS grid track: `2fr`, `160px`, `minmax(120px, 1fr)`. */
  width: string;
  cell: (row: Row) => ReactNode;
  /** The API's sort key for this column, when it can sort by it. */
  sortKey?: string;
};

type VirtualTableProps<Row> = {
  label: string;
  /** Names the table in the page (`data-table`), e.g. to move the focus into it from a search box. */
  tableId?: string;
  rows: readonly Row[];
  columns: readonly VirtualColumn<Row>[];
  rowKey: (row: Row) => string;
  onOpen: (row: Row) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** The current sort (`name`, `-updatedAt`) and how to change it, for sortable columns. */
  sort?: string;
  onSortChange?: (sort: string) => void;
  rowHeight?: number;
};

const loadAheadRows = 20;
const rowMoves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };

/**
 * A table that renders only the rows in view, so tens of thousands stay smooth; it asks for the
 * next page as the end comes near. Rows are focusable: arrows move, Enter opens.
 */
export function VirtualTable<Row>(props: VirtualTableProps<Row>) {
  const { rows, columns, hasMore, loadingMore, onLoadMore, rowHeight = 44 } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - loadAheadRows) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  const gridTemplateColumns = columns.map((column) => column.width).join(' ');

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    virtualizer.scrollToIndex(target);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${target}"]`)?.focus());
  };

  // NOTE: rows are memoised and only re-render when they move or change; the handlers they get
  // must therefore stay the same function while reading the latest props.
  const latest = useRef({ props, focusRow });
  latest.current = { props, focusRow };
  const onOpen = useCallback((row: unknown) => latest.current.props.onOpen(row as Row), []);
  const onRowKeyDown = useCallback((event: KeyboardEvent<HTMLTableRowElement>, index: number, row: unknown) => {
    const { props: current, focusRow: focus } = latest.current;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      current.onOpen(row as Row);
    } else if (event.key in rowMoves) {
      event.preventDefault();
      focus(index + (rowMoves[event.key] ?? 0));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focus(event.key === 'Home' ? 0 : current.rows.length - 1);
    }
  }, []);

  return (
    <div ref={scrollRef} className={classes.scroller} data-table={props.tableId}>
      <table className={classes.table} aria-label={props.label} aria-rowcount={hasMore ? -1 : rows.length + 1}>
        <thead className={classes.head}>
          <tr className={classes.headRow} style={{ gridTemplateColumns }}>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={classes.cell} aria-sort={ariaSort(column, props.sort)}>
                {column.sortKey && props.onSortChange ? (
                  <SortButton column={column} sort={props.sort} onSortChange={props.onSortChange} />
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            const style = { height: item.size, transform: `translateY(${item.start}px)`, gridTemplateColumns };
            if (row === undefined) {
              return (
                <tr key="more" className={classes.more} style={style}>
                  <td>
                    {loadingMore ? (
                      <Loader size="sm" aria-label={t('table.loading')} />
                    ) : (
                      <Button variant="subtle" size="xs" onClick={onLoadMore}>
                        {t('table.loadMore')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            }
            return (
              <VirtualRow
                key={props.rowKey(row)}
                row={row}
                index={item.index}
                start={item.start}
                size={item.size}
                columns={columns as readonly VirtualColumn<unknown>[]}
                gridTemplateColumns={gridTemplateColumns}
                onOpen={onOpen}
                onKeyDown={onRowKeyDown}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type VirtualRowProps = {
  row: unknown;
  index: number;
  start: number;
  size: number;
  columns: readonly VirtualColumn<unknown>[];
  gridTemplateColumns: string;
  onOpen: (row: unknown) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>, index: number, row: unknown) => void;
};

const VirtualRow = memo(function VirtualRow({ row, index, start, size, columns, ...props }: VirtualRowProps) {
  return (
    <tr
      tabIndex={0}
      data-index={index}
      aria-rowindex={index + 2}
      className={classes.row}
      style={{ height: size, transform: `translateY(${start}px)`, gridTemplateColumns: props.gridTemplateColumns }}
      onClick={() => props.onOpen(row)}
      onKeyDown={(event) => props.onKeyDown(event, index, row)}
    >
      {columns.map((column) => (
        <td key={column.key} className={classes.cell}>
          {column.cell(row)}
        </td>
      ))}
    </tr>
  );
});

function ariaSort<Row>(column: VirtualColumn<Row>, sort: string | undefined) {
  if (!column.sortKey || !sort) return undefined;
  if (sort === column.sortKey) return 'ascending';
  if (sort === `-${column.sortKey}`) return 'descending';
  return 'none';
}

function SortButton<Row>(props: { column: VirtualColumn<Row>; sort?: string; onSortChange: (sort: string) => void }) {
  const { sortKey = '', header } = props.column;
  const ascending = props.sort === sortKey;
  const descending = props.sort === `-${sortKey}`;
  const Icon = ascending ? IconArrowUp : descending ? IconArrowDown : IconArrowsSort;
  return (
    <UnstyledButton
      className={classes.sortButton}
      onClick={() => props.onSortChange(ascending ? `-${sortKey}` : sortKey)}
    >
      {header}
      <Icon size={14} opacity={ascending || descending ? 1 : 0.4} aria-hidden />
    </UnstyledButton>
  );
}
