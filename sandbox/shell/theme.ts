/**
 * The shell's theme, as Jira's own setting (Light, Dark, Match browser), kept in a cookie. The page
 * gets html[data-color-mode] for light or dark; a framed module gets it once it calls
 * `view.theme.enable()` (bridge.js), as in Jira — resolved from the browser's preference on
 * "Match browser".
 */
export const THEMES = ['auto', 'light', 'dark'] as const;
export type ShellTheme = (typeof THEMES)[number];

export const THEME_LABELS: Record<ShellTheme, string> = {
  auto: 'Match browser',
  light: 'Light',
  dark: 'Dark',
};

export const THEME_COOKIE = 'sandbox-theme';

export const isTheme = (value: unknown): value is ShellTheme =>
  (THEMES as readonly unknown[]).includes(value);

/** The theme from the Cookie header; "Match browser" when none (or an unknown one) is set. */
export function themeFromCookie(header: string | undefined): ShellTheme {
  for (const pair of (header ?? '').split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (name === THEME_COOKIE) {
      const value = decodeURIComponent(rest.join('='));
      return isTheme(value) ? value : 'auto';
    }
  }
  return 'auto';
}

export function themeCookie(theme: ShellTheme): string {
  return `${THEME_COOKIE}=${theme}; Path=/; SameSite=Lax; Max-Age=31536000`;
}
