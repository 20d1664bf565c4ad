/**
 * Responses the Forge egress proxy itself produces. @forge/api's `handleProxyResponseErrors`
 * (node_modules/@forge/api/out/api/fetch.js) reads the `forge-proxy-error` header: the value
 * `NEEDS_AUTHENTICATION_ERR` becomes a NeedsAuthenticationError, anything else a
 * ProxyRequestError(status, value). Jira's own answers never carry the header.
 */
export const PROXY_ERROR_HEADER = 'forge-proxy-error';

export const proxyError = (status: number, code: string, detail?: string): Response =>
  new Response(JSON.stringify({ code, message: detail ?? code }), {
    status,
    headers: { [PROXY_ERROR_HEADER]: code, 'content-type': 'application/json' },
  });

export const jsonResponse = (status: number, body: unknown): Response =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
  });
