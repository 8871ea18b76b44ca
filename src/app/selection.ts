import type { CellRef } from '../core/finding';

export interface Selection {
  target: CellRef;
  related: readonly CellRef[];
}

/** The last cell the standalone host was asked to select, for the sheet preview to show. */
export interface SelectionStore {
  get(): Selection | null;
  set(target: CellRef, related?: readonly CellRef[]): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
}

export function createSelectionStore(): SelectionStore {
  let current: Selection | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(target, related = []) {
      current = { target, related: [...related] };
      for (const listener of [...listeners]) listener();
    },
    clear() {
      current = null;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
