import { useEffect, useState } from 'preact/hooks';

/** The console's screens, read from the address (deep links work; the service serves the page at /console/*). */
export type Route =
  | { page: 'queue' }
  | { page: 'case'; reference: string }
  | { page: 'admin' }
  | { page: 'handlers' }
  | { page: 'dashboard' }
  | { page: 'callback' };

export function routeOf(pathname: string): Route {
  const caseMatch = pathname.match(/^\/console\/cases\/([^/]+)\/?$/);
  if (caseMatch) return { page: 'case', reference: decodeURIComponent(caseMatch[1]) };
  if (/^\/console\/admin\/?$/.test(pathname)) return { page: 'admin' };
  if (/^\/console\/handlers\/?$/.test(pathname)) return { page: 'handlers' };
  if (/^\/console\/dashboard\/?$/.test(pathname)) return { page: 'dashboard' };
  if (pathname === CALLBACK_PATH) return { page: 'callback' };
  return { page: 'queue' };
}

/** Where the identity provider sends the browser back after single sign-on. */
export const CALLBACK_PATH = '/console/auth/callback';

export const paths = {
  queue: () => '/console',
  case: (reference: string) => `/console/cases/${encodeURIComponent(reference)}`,
  admin: () => '/console/admin',
  handlers: () => '/console/handlers',
  dashboard: () => '/console/dashboard',
};

const NAVIGATE = 'console:navigate';

/** Goes to another screen without reloading the page. */
export function navigate(path: string): void {
  history.pushState(null, '', path);
  dispatchEvent(new Event(NAVIGATE));
}

/** Goes to another screen in place of this one (the address left behind should not be revisited). */
export function replaceRoute(path: string): void {
  history.replaceState(null, '', path);
  dispatchEvent(new Event(NAVIGATE));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.pathname));
  useEffect(() => {
    const update = () => setRoute(routeOf(location.pathname));
    addEventListener('popstate', update);
    addEventListener(NAVIGATE, update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener(NAVIGATE, update);
    };
  }, []);
  return route;
}

/** A link to a console screen: a real href (open in a new tab works), followed in-page on a plain click. */
export function onLinkClick(event: MouseEvent, path: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(path);
}
