/**
 * Measures untrusted JSON before any recursive code (zod, JSON.stringify, the storage client) walks
 * it: a value nested 10,000 deep would overflow the stack of a recursive walk and end as INTERNAL.
 * Both walks here use an explicit stack, so any input is measured.
 */

/**
 * How deep `value` nests, counting objects and arrays as Forge storage does (a scalar is 0, `{}` is
 * 1, `{ a: [1] }` is 2). Stops counting past `stopAbove` (the answer is then `stopAbove + 1`).
 */
export function jsonDepth(value: unknown, stopAbove = Number.MAX_SAFE_INTEGER): number {
  let deepest = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (node === null || typeof node !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > stopAbove) return stopAbove + 1;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push({ node: child, depth: here });
    }
  }
  return deepest;
}

/**
 * Nesting and count of rule conditions (`{ all: [...] }`, `{ any: [...] }`, `{ field, anyOf }`)
 * under one `when`: the `when` itself is level 1. Anything that is not a condition object counts
 * as a leaf; its shape is the schema's business.
 */
export function conditionShape(when: unknown): { depth: number; conditions: number } {
  let depth = 0;
  let conditions = 0;
  const stack: { node: unknown; level: number }[] = [{ node: when, level: 1 }];
  while (stack.length > 0) {
    const { node, level } = stack.pop() as { node: unknown; level: number };
    if (node === null || typeof node !== 'object' || Array.isArray(node)) continue;
    conditions += 1;
    if (level > depth) depth = level;
    for (const key of ['all', 'any'] as const) {
      const children: unknown = Object.hasOwn(node, key)
        ? (node as Record<string, unknown>)[key]
        : undefined;
      if (Array.isArray(children)) {
        for (const child of children) stack.push({ node: child, level: level + 1 });
      }
    }
  }
  return { depth, conditions };
}
