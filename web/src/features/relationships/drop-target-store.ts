import { useSyncExternalStore } from 'react';

// NOTE: which card a dragged card is over. A tiny store instead of context, so that moving over
// the chart re-renders the two cards concerned, not all 2,000.
let current: string | null = null;
const listeners = new Set<() => void>();

export const dropTarget = {
  set(id: string | null) {
    if (id === current) return;
    current = id;
    for (const listener of listeners) listener();
  },
  get: () => current,
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the card of `id` is where a dragged card would be dropped. */
export function useIsDropTarget(id: string): boolean {
  return useSyncExternalStore(subscribe, () => current === id);
}
