import {
  createTheme,
  darken,
  getPrimaryShade,
  luminance,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type MantineThemeOverride,
} from '@mantine/core';
import { type TFunction } from './i18n';

/** The theme, with the names of Mantine's icon-only buttons in the reader's language. */
export function createAppTheme(t: TFunction): MantineThemeOverride {
  return createTheme({
    primaryColor: 'blue',
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    // Page titles shrink on narrow screens instead of taking half the first screen.
    headings: { fontWeight: '650', sizes: { h1: { fontSize: 'clamp(1.5rem, 1rem + 2.5vw, 2.125rem)' } } },
    // Plain objects, not `Select.extend(…)` and the like: importing a component here would put it in every page's
    // first load (route-level code splitting).
    components: {
      // Choosing the option already chosen keeps it (Mantine would clear it); clearing is the × button's job.
      Select: { defaultProps: { allowDeselect: false } },
      // Buttons that show only an icon need a name for screen readers (WCAG 4.1.2); Mantine gives these none.
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
      Pagination: {
        defaultProps: {
          getControlProps: (control: 'first' | 'previous' | 'last' | 'next') => ({
            'aria-label': t(`list.pageControls.${control}`),
          }),
        },
      },
      PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('signIn.showPassword') } } },
    },
  });
}

// WCAG 2.1 AA (the level the United Nations' own sites are bound to) asks 4.5:1 between text and what it sits on.
// Mantine's default shades miss it: the dimmed grey is 3.3:1 on white, blue-6 links and white labels on blue-6
// buttons 3.6:1, and the text of every light badge, button and alert on its tint 2.7–4.3:1.
const MIN_CONTRAST = 4.5;

function contrast(a: string, b: string): number {
  const [darker, lighter] = [luminance(a), luminance(b)].sort((x, y) => x - y);
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * The lightest shade of `shades`, from `from` on, that reads at 4.5:1 on every one of `backgrounds`; where no shade
 * does (yellow, lime, green, orange), the darkest one darkened until it does. Keeps each colour as close to
 * Mantine's look as the contrast allows.
 */
function readableShade(shades: MantineColorsTuple, from: number, backgrounds: string[]): string {
  const readable = (color: string) => backgrounds.every((background) => contrast(color, background) >= MIN_CONTRAST);
  const shade = shades.slice(from).find(readable);
  if (shade) return shade;
  let color: string = shades[9];
  for (let step = 0; step < 20 && !readable(color); step += 1) color = darken(color, 0.05);
  return color;
}

/**
 * The light colour scheme's text colours, each readable where Mantine puts it (the only scheme the app offers):
 * - `text`, `filled` and `outline` (coloured text, links, outline badges, and the white label of a filled button or
 *   badge): on white and on the grey-0 of striped rows and page backgrounds;
 * - `light-color` (light badges, buttons and alerts): on the colour's own tint, at rest and hovered;
 * - dimmed text: on white, grey-0 and grey-1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (current) => {
  const primaryShade = getPrimaryShade(current, 'light');
  const page = [current.white, current.colors.gray[0]];
  const light: Record<string, string> = {};
  for (const [name, shades] of Object.entries(current.colors)) {
    const text = readableShade(shades, primaryShade, page);
    light[`--mantine-color-${name}-text`] = text;
    light[`--mantine-color-${name}-filled`] = text;
    light[`--mantine-color-${name}-filled-hover`] = darken(text, 0.1);
    light[`--mantine-color-${name}-outline`] = text;
    light[`--mantine-color-${name}-light-color`] = readableShade(shades, 9, [shades[1], shades[2]]);
  }
  const text = (name: string) => light[`--mantine-color-${name}-text`];
  light['--mantine-color-anchor'] = text(current.primaryColor);
  light['--mantine-color-error'] = text('red');
  light['--mantine-color-success'] = text('teal');
  light['--mantine-color-dimmed'] = readableShade(current.colors.gray, primaryShade, [...page, current.colors.gray[1]]);
  return { variables: {}, light, dark: {} };
};
