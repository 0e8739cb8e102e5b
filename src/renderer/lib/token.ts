const STORAGE_KEY = 'crm.token';

/**
 * Web mode: `crm serve` hands the browser its access token in the URL fragment (never sent to the
 * server, never logged). Keep it for this tab only and wipe it from the address bar so it is not
 * bookmarked or shared by accident.
 */
export function takeAccessToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(STORAGE_KEY, decodeURIComponent(match[1]));
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', pathname + search);
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
