/**
 * The fetch every provider client gets in end-to-end runs: loopback only. A test that forgot to
 * point a provider at its test server fails loudly instead of calling a real API (or sending a
 * prompt to a public service) from CI.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const loopbackOnlyFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    return Promise.reject(new TypeError(`end-to-end tests only reach loopback servers; refused ${url.origin}`, { cause: { code: 'E2E_OFFLINE' } }));
  }
  return fetch(input, init);
};
