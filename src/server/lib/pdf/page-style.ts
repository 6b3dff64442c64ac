import { type Line } from './layout.js';

/** The page of a PDF document: its size and margins, and the styles of its text. */

export const MM = 72 / 25.4;

export const A4 = { short: 595.28, long: 841.89 };

export const MARGIN = { top: 20 * MM, bottom: 24 * MM, side: 20 * MM };

/** The page's size and the widths that follow from it: A4 upright, or on its side for wide tables. */
export interface Geometry {
  pageHeight: number;
  contentWidth: number;
  labelWidth: number;
}

export function geometry(orientation: 'portrait' | 'landscape'): Geometry {
  const [width, height] = orientation === 'landscape' ? [A4.long, A4.short] : [A4.short, A4.long];
  const contentWidth = width - 2 * MARGIN.side;
  return { pageHeight: height, contentWidth, labelWidth: Math.round(contentWidth * 0.34) };
}

export const COLUMN_GAP = 14;

/** Naskh looks smaller than Noto Sans at the same size. */
export const ARABIC_SCALE = 1.15;

export const SIGNATURE_MAX = { width: 60 * MM, height: 25 * MM };

export interface Style {
  size: number;
  bold: boolean;
  color: string;
}

export const BODY: Style = { size: 11, bold: false, color: '#1a1a1a' };

export const MUTED: Style = { size: 11, bold: false, color: '#555555' };

export const LABEL: Style = { size: 11, bold: true, color: '#333333' };

export const TITLE: Style = { size: 18, bold: true, color: '#111111' };

export const HEADING: Style = { size: 13, bold: true, color: '#111111' };

export const FOOTER: Style = { size: 8.5, bold: false, color: '#555555' };

export const lineHeight = (line: Line | undefined, style: Style) =>
  style.size * (line?.hasArabic ? 1.75 : 1.45);

export const ascent = (line: Line | undefined, style: Style) => style.size * (line?.hasArabic ? 1.22 : 1.05);
