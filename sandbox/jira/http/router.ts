/**
 * A small router keyed by the spec's own path templates (`/rest/api/3/issue/{issueIdOrKey}`), so
 * the contract test can check every route against the OpenAPI specs by name.
 */
export interface Route<Ctx> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: (ctx: Ctx, params: Record<string, string>) => Promise<RouteResult> | RouteResult;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteMatch<Ctx> {
  route: Route<Ctx>;
  params: Record<string, string>;
}

const literalCount = (path: string): number =>
  path.split('/').filter((s) => !s.startsWith('{')).length;

export class Router<Ctx> {
  private readonly routes: Route<Ctx>[] = [];

  add(...routes: Route<Ctx>[]): this {
    this.routes.push(...routes);
    return this;
  }

  list(): readonly Route<Ctx>[] {
    return this.routes;
  }

  /** `undefined` when no route has that path; `{ allowed }` when the path exists with other methods. */
  match(method: string, path: string): RouteMatch<Ctx> | { allowed: string[] } | undefined {
    const segments = path.split('/');
    let best: RouteMatch<Ctx> | undefined;
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.path.split('/'), segments);
      if (params === undefined) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      if (best === undefined || literalCount(route.path) > literalCount(best.route.path))
        best = { route, params };
    }
    if (best !== undefined) return best;
    return allowed.length > 0 ? { allowed } : undefined;
  }
}

function matchSegments(template: string[], concrete: string[]): Record<string, string> | undefined {
  if (template.length !== concrete.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i += 1) {
    const t = template[i] as string;
    const c = concrete[i] as string;
    if (t.startsWith('{') && t.endsWith('}')) {
      if (c === '') return undefined;
      try {
        params[t.slice(1, -1)] = decodeURIComponent(c);
      } catch {
        return undefined;
      }
    } else if (t !== c) return undefined;
  }
  return params;
}
