/**
 * The viewer's locale and time zone for every date the UI writes. Jira gives both in the module's
 * context (`view.getContext()`: `locale`, e.g. "en-US", and `timezone`, an IANA zone — the person's
 * Jira profile settings; developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/view/#getcontext).
 * Until the context arrives, or outside Jira, the browser's own locale and zone apply.
 */
export interface ViewerLocale {
  /** A BCP 47 tag; undefined: the browser's. */
  readonly locale: string | undefined;
  /** An IANA time zone; undefined: the browser's. */
  readonly timeZone: string | undefined;
}

let current: ViewerLocale = { locale: undefined, timeZone: undefined };

/** Jira writes locales as "en_US" in places; Intl wants "en-US". An unusable value is ignored. */
function usable(locale: unknown): string | undefined {
  if (typeof locale !== 'string' || locale === '') return undefined;
  const tag = locale.replace(/_/g, '-');
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0 ? tag : undefined;
  } catch {
    return undefined;
  }
}

function usableZone(zone: unknown): string | undefined {
  if (typeof zone !== 'string' || zone === '') return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** Takes the locale and time zone from a Forge context (fields it lacks keep the browser's). */
export function setViewerLocale(context: { locale?: unknown; timezone?: unknown }): void {
  current = { locale: usable(context.locale), timeZone: usableZone(context.timezone) };
}

export function viewerLocale(): ViewerLocale {
  return current;
}
