import { useTranslation } from 'react-i18next';
import type { ProfileIndicator } from '../territory/api';

const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

/**
 * The traffic light as a coloured dot and a word ("Grönt – bättre"), and the arrow for the
 * direction of the number with its meaning in words, so that nothing depends on colour or shape.
 */
export function TrafficLightBadge({ item }: { item: ProfileIndicator }) {
  const { t } = useTranslation();
  const { light, arrow } = item.trafficLight;
  const neutral = item.indicator.polarity === 'neutral';
  const lightText =
    light === 'yellow'
      ? neutral
        ? t('territory.lights.yellowNeutral')
        : t('territory.lights.yellow')
      : t(`territory.lights.${light}`);
  return (
    <p className="traffic-light" data-testid="traffic-light" data-light={light}>
      <span className={`light-dot light-${light}`} aria-hidden="true" />
      <span className="light-text">{lightText}</span>
      {arrow ? (
        <span className="light-arrow">
          <span className="light-arrow-symbol" aria-hidden="true">
            {ARROWS[arrow]}
          </span>
          {t(`territory.arrows.${arrow}`)}
        </span>
      ) : null}
    </p>
  );
}
