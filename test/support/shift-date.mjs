// The test clock's one mechanism, in plain JavaScript so it also runs where TypeScript does not:
// in a browser page (Playwright's addInitScript serialises the function, so it uses nothing from
// outside itself) and as a preload of a Node process the tests spawn (test-clock-child.mjs).

/**
 * Replaces `globalThis.Date` with one that reads `offsetMs` ahead of the current `Date`:
 * `new Date()`, `Date()` and `Date.now()` move; dates built from a value, `Date.parse` and
 * `Date.UTC` do not. Returns the Date it wrapped.
 */
export function shiftDate(offsetMs) {
  const RealDate = globalThis.Date;
  const now = () => RealDate.now() + offsetMs;
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget);
    },
    // `Date()` called as a function returns the current time as a string.
    apply() {
      return new RealDate(now()).toString();
    },
    get(target, property, receiver) {
      return property === 'now' ? now : Reflect.get(target, property, receiver);
    },
  });
  return RealDate;
}
