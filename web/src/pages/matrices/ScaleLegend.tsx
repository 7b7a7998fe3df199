import { useTranslation } from 'react-i18next';
import { formatScore, SCALE, scoreClass } from './api';

/** The 7-point scale as a legend: colour, number and name of each step (+3 odelbar … −3). */
export function ScaleLegend({ caption }: { caption?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <figure className="scale-legend">
      <figcaption>{caption ?? t('matrices.scale.caption')}</figcaption>
      <ul>
        {SCALE.map((s) => (
          <li key={s.score}>
            <span className={`scale-swatch ${scoreClass(s.score)}`}>
              {formatScore(s.score, i18n.language)}
            </span>{' '}
            {t(`matrices.scale.${s.key}`)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
