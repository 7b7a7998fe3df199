import { useEffect, useState } from 'react';
import type { ApiState } from '../../lib/useApi';

/**
 * The latest data that arrived, kept while new data loads, so that changing a filter does not
 * blank the page. `refreshing` is true while newer data is on its way.
 */
export function useKeptData<T>(state: ApiState<T>): { data: T | undefined; refreshing: boolean } {
  const [kept, setKept] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (state.status === 'ok') setKept(state.data);
  }, [state]);
  const data = state.status === 'ok' ? state.data : state.status === 'loading' ? kept : undefined;
  return { data, refreshing: state.status === 'loading' && data !== undefined };
}
