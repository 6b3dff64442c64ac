/**
 * Series colours with at least 3:1 contrast against the white page (WCAG 1.4.11), each paired with its own
 * pattern so that series are told apart without colour (and in black-and-white print).
 */
export const SERIES_COLOURS = [
  '#1d4ed8', // blue 6.7:1
  '#b45309', // amber 5.0:1
  '#047857', // green 5.5:1
  '#7e22ce', // purple 7.1:1
  '#be123c', // rose 6.0:1
  '#374151', // grey 10.3:1
  '#0e7490', // cyan 5.4:1
  '#4d7c0f', // olive 5.3:1
  '#a21caf', // magenta 6.0:1
  '#9a3412', // rust 7.3:1
] as const;

/** The pattern drawn over series j's colour: solid, stripes one way or the other, dots, grid … */
const PATTERNS: ((colour: string) => React.ReactNode)[] = [
  () => null,
  () => <path d="M0 8 L8 0" stroke="#ffffff" strokeWidth="2" />,
  () => <circle cx="4" cy="4" r="1.6" fill="#ffffff" />,
  () => <path d="M0 0 L8 8" stroke="#ffffff" strokeWidth="2" />,
  () => <path d="M0 4 H8" stroke="#ffffff" strokeWidth="2" />,
  () => <path d="M4 0 V8" stroke="#ffffff" strokeWidth="2" />,
  () => <path d="M0 8 L8 0 M0 0 L8 8" stroke="#ffffff" strokeWidth="1.4" />,
  () => <path d="M0 4 H8 M4 0 V8" stroke="#ffffff" strokeWidth="1.4" />,
  () => <rect x="2" y="2" width="3" height="3" fill="#ffffff" />,
  () => <path d="M0 2 H8 M0 6 H8" stroke="#ffffff" strokeWidth="1" />,
];

const patternId = (j: number) => `report-series-${j % SERIES_COLOURS.length}`;

/** The fill of series j: its pattern over its colour (series 0 is plain colour). */
export const seriesFill = (j: number) => `url(#${patternId(j)})`;

/** The patterns, defined once for every chart on the page (an SVG fill may point into another SVG). */
export function ChartPatterns() {
  return (
    <svg width="0" height="0" aria-hidden focusable="false" style={{ position: 'absolute' }}>
      <defs>
        {SERIES_COLOURS.map((colour, j) => (
          <pattern key={colour} id={patternId(j)} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={colour} />
            {PATTERNS[j]!(colour)}
          </pattern>
        ))}
      </defs>
    </svg>
  );
}
