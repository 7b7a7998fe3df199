import { useSearchParams } from 'react-router';
import type { Period } from './api';
import { thisYear } from './format';

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** A year from the address, or undefined when missing or out of range. */
export function yearParam(value: string | null): number | undefined {
  if (!value || !/^\d{4}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= MIN_YEAR && n <= MAX_YEAR ? n : undefined;
}

/** The period the server uses when none is given: the last five years up to this one. */
export function defaultPeriod(): { from: number; to: number } {
  const to = thisYear();
  return { from: to - 4, to };
}

/**
 * The period in the address (?from=2022&to=2026). A period that starts after it ends is not
 * sent (the server would refuse it); the server's default applies instead.
 */
export function usePeriodParams(): [Period, (next: { from: number; to: number }) => void] {
  const [params, setParams] = useSearchParams();
  const from = yearParam(params.get('from'));
  const to = yearParam(params.get('to'));
  const period: Period = from !== undefined && to !== undefined && from > to ? {} : { from, to };
  const setPeriod = (next: { from: number; to: number }) => {
    const p = new URLSearchParams(params);
    p.set('from', String(next.from));
    p.set('to', String(next.to));
    setParams(p, { replace: true });
  };
  return [period, setPeriod];
}

/** Years to choose from: the program periods back to 2014 and a few years ahead (planned money). */
export function yearOptions(shown: { from: number; to: number }): number[] {
  const first = Math.min(2014, shown.from);
  const last = Math.max(thisYear() + 5, shown.to);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
