import { createTheme, darken, DEFAULT_THEME, luminance } from '@mantine/core';
import type { CSSVariablesResolver, MantineColorsTuple } from '@mantine/core';

const FONT = "'Noto Sans', 'Noto Sans Arabic', system-ui, sans-serif";
/** WCAG 2.2 AA: text 4.5:1 (1.4.3); component boundaries 3:1 (1.4.11). */
const TEXT_RATIO = 4.5;
const UI_RATIO = 3;
const WHITE = '#ffffff';
/** The lightest surfaces text sits on: white, the grey of striped rows and paper, the light badges' tint. */
const gray = DEFAULT_THEME.colors.gray;

/** WCAG contrast ratio between two colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour, darkened in small steps until it reaches `ratio` against every background. */
export function readable(color: string, backgrounds: readonly string[], ratio = TEXT_RATIO): string {
  let result = color;
  for (let step = 1; step <= 40; step += 1) {
    if (backgrounds.every((background) => contrast(result, background) >= ratio)) return result;
    result = darken(color, step * 0.025);
  }
  return result;
}

const PRIMARY_SHADE = 8;
/** Mantine's palette, with shades 7–9 of every colour darkened until white text on them reads at 4.5:1. */
const colors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, shades]) => {
    if (name === 'dark' || name === 'gray' || name === 'yellow') return [name, shades];
    const tuple = [...shades];
    for (const shade of [7, 8, 9]) tuple[shade] = readable(tuple[shade]!, [WHITE, gray[0]]);
    return [name, tuple as unknown as MantineColorsTuple];
  }),
);

/**
 * Text colours that meet AA on the surfaces they are used on (Mantine's defaults do not: dimmed grey is 3.3:1
 * on white, a light badge's text 4.3:1 on its tint): dimmed text, each colour's light-variant text, its text
 * and outline colour, and the border of inputs and check boxes (3:1 against white).
 */
const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': readable(gray[6], [WHITE, gray[0], gray[1], theme.colors.teal[0]]),
    '--mantine-color-placeholder': readable(gray[5], [WHITE, gray[0]]),
    '--confidant-control-border': readable(gray[4], [WHITE], UI_RATIO),
  };
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (name === 'dark') continue;
    const tint = shades[1];
    // Shade 2 too: an active navigation link under the pointer (hover) sits on it.
    light[`--mantine-color-${name}-light-color`] = readable(shades[9], [tint, shades[0], shades[2], WHITE]);
    light[`--mantine-color-${name}-text`] = readable(shades[PRIMARY_SHADE], [WHITE, gray[0], shades[0]]);
    light[`--mantine-color-${name}-outline`] = readable(shades[PRIMARY_SHADE], [WHITE, gray[0]]);
  }
  light['--mantine-color-anchor'] = light['--mantine-color-teal-text']!;
  return { variables: {}, light, dark: {} };
};

export const theme = createTheme({
  fontFamily: FONT,
  headings: { fontFamily: FONT },
  colors,
  primaryColor: 'teal',
  primaryShade: PRIMARY_SHADE,
  defaultRadius: 'sm',
  // Dark text on light fills (yellow, orange badges), white on dark ones.
  autoContrast: true,
  luminanceThreshold: 0.3,
});

export { cssVariablesResolver };
