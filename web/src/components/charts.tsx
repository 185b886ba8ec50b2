import { useI18n } from '../i18n';

// Simple SVG charts drawn here (no chart library). Each has a title and a description for screen
// readers, and the figures are also given as text beside or under it.

export interface Bar {
  label: string;
  value: number;
  /** Optional second series drawn beside it (e.g. completed next to submitted). */
  second?: number;
}

const COLORS = { primary: '#0b5cad', secondary: '#2e8540', muted: '#c9d3df', warn: '#b3261e' };

export function ColumnChart({ bars, title, description, legend }: { bars: Bar[]; title: string; description: string; legend?: [string, string] }) {
  const { t } = useI18n();
  if (bars.length === 0) return <p className="hint">{t('noData')}</p>;
  const width = 640;
  const height = 220;
  const pad = { left: 36, right: 8, top: 12, bottom: 40 };
  const max = Math.max(1, Math.ceil(Math.max(...bars.map((b) => Math.max(b.value, b.second ?? 0)))));
  const step = (width - pad.left - pad.right) / bars.length;
  const barWidth = Math.max(2, step * (bars.some((b) => b.second !== undefined) ? 0.38 : 0.7));
  const y = (v: number): number => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const ticks = max <= 5 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, Math.round(max / 2), max];
  const labelEvery = Math.ceil(bars.length / 8);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="cpd-title cpd-desc" preserveAspectRatio="xMidYMid meet">
        <title id="cpd-title">{title}</title>
        <desc id="cpd-desc">{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} stroke={COLORS.muted} strokeWidth={1} />
            <text x={pad.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="#333">
              {tick}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const x = pad.left + i * step + (step - barWidth * (bar.second !== undefined ? 2 : 1)) / 2;
          return (
            <g key={bar.label}>
              <rect x={x} y={y(bar.value)} width={barWidth} height={y(0) - y(bar.value)} fill={COLORS.primary}>
                <title>{`${bar.label}: ${bar.value}`}</title>
              </rect>
              {bar.second !== undefined && (
                <rect x={x + barWidth} y={y(bar.second)} width={barWidth} height={y(0) - y(bar.second)} fill={COLORS.secondary}>
                  <title>{`${bar.label}: ${bar.second}`}</title>
                </rect>
              )}
              {i % labelEvery === 0 && (
                <text x={pad.left + i * step + step / 2} y={height - pad.bottom + 16} textAnchor="middle" fontSize={11} fill="#333">
                  {bar.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {legend && (
        <figcaption className="legend">
          <span className="swatch" style={{ background: COLORS.primary }} /> {legend[0]} <span className="swatch" style={{ background: COLORS.secondary }} /> {legend[1]}
        </figcaption>
      )}
    </figure>
  );
}

/** Horizontal bars, each a label, a value and its bar against `max` (e.g. shares 0–1 against 1). */
export function BarList({
  rows,
  max,
  format,
  title,
  warnBelow,
}: {
  /** `display` shows an exact figure (e.g. money kept as a string) instead of format(value). */
  rows: { label: string; value: number | null; display?: string }[];
  max: number;
  format: (value: number) => string;
  title: string;
  /** Bars below this value are drawn in red (e.g. a share within the limit under 80 %). */
  warnBelow?: number;
}) {
  const { t } = useI18n();
  const width = 640;
  const rowHeight = 30;
  const labelWidth = 170;
  const height = rows.length * rowHeight + 8;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMidYMid meet">
        <title>{title}</title>
        {rows.map((row, i) => {
          const y = 4 + i * rowHeight;
          const w = row.value === null ? 0 : Math.max(1, ((width - labelWidth - 80) * Math.min(row.value, max)) / max);
          return (
            <g key={row.label}>
              <text x={labelWidth - 8} y={y + 18} textAnchor="end" fontSize={13} fill="#222">
                {row.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={width - labelWidth - 80} height={rowHeight - 10} fill="#eef2f7" />
              <rect x={labelWidth} y={y + 4} width={w} height={rowHeight - 10} fill={warnBelow !== undefined && row.value !== null && row.value < warnBelow ? COLORS.warn : COLORS.primary} />
              <text x={width - 74} y={y + 18} fontSize={13} fill="#222">
                {row.value === null ? t('noData') : (row.display ?? format(row.value))}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
