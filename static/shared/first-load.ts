/**
 * An app's first read, started as its bundle runs: before React renders and while the Forge
 * context is on its way (mount.tsx waits for it to set the viewer's locale), so the resolver's
 * round trip overlaps the page being built instead of following it. Measured in
 * bench/ui-render.bench.ts (the phases of each first render).
 *
 * The first call of the returned function takes the started promise; every later call (Retry, a
 * quiet refresh) loads again.
 */
export function startedEarly<T>(load: () => Promise<T>): () => Promise<T> {
  let early: Promise<T> | undefined = load();
  // Its failure is handled by whoever takes it; until then it is not an unhandled rejection.
  early.catch(() => undefined);
  return () => {
    const taken = early ?? load();
    early = undefined;
    return taken;
  };
}
