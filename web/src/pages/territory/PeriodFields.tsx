import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { yearOptions } from './period';

type Props = {
  /** The period shown (the server's answer, or the default before it arrives). */
  value: { from: number; to: number };
  onChange: (next: { from: number; to: number }) => void;
};

/**
 * "From year" and "To year" selects. Choosing a start after the end (or an end before the
 * start) moves the other year along, so the period is always valid.
 */
export function PeriodFields({ value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const years = yearOptions(value);
  return (
    <>
      <label htmlFor={`${id}-from`}>
        {t('territory.period.from')}
        <select
          id={`${id}-from`}
          value={value.from}
          onChange={(e) => {
            const from = Number(e.target.value);
            onChange({ from, to: Math.max(from, value.to) });
          }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-to`}>
        {t('territory.period.to')}
        <select
          id={`${id}-to`}
          value={value.to}
          onChange={(e) => {
            const to = Number(e.target.value);
            onChange({ from: Math.min(value.from, to), to });
          }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
