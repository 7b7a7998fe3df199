type Point = { year: number; value: number };

type Props = {
  points: Point[];
  /** Accessible name: what the line shows, with its first and last value. */
  label: string;
  width?: number;
  height?: number;
  testId?: string;
};

/**
 * A small line of a short series (no axes), drawn as inline SVG. It only shows the shape: the
 * caller gives the numbers as text and in a table as well.
 */
export function Sparkline({ points, label, width = 160, height = 40, testId }: Props) {
  if (points.length < 2) return null;
  const pad = 4;
  const years = points.map((p) => p.year);
  const values = points.map((p) => p.value);
  const minX = Math.min(...years);
  const maxX = Math.max(...years);
  const minY = Math.min(...values);
  const maxY = Math.max(...values);
  const x = (year: number) => pad + ((year - minX) / (maxX - minX || 1)) * (width - 2 * pad);
  // A flat series is drawn in the middle rather than on the bottom edge.
  const y = (value: number) =>
    maxY === minY ? height / 2 : pad + (1 - (value - minY) / (maxY - minY)) * (height - 2 * pad);
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`);
  const last = points[points.length - 1] as Point;
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      <path d={d.join(' ')} fill="none" stroke="#0b5570" strokeWidth={2} vectorEffect="non-scaling-stroke" />
      <circle cx={x(last.year)} cy={y(last.value)} r={3} fill="#0b5570" />
    </svg>
  );
}
