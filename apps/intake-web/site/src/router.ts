import { useEffect, useState } from 'preact/hooks';

/** The site's pages (served by intake-web at these paths: src/interface/web/customer-site.ts). */
export type PagePath = '/' | '/status' | '/survey' | '/transparency';

const CHANGE = 'site:navigate';

/** Goes to another page of the site without reloading it (History API). */
export function navigate(to: string): void {
  history.pushState(null, '', to);
  dispatchEvent(new Event(CHANGE));
  scrollTo(0, 0);
}

/** The current location, following navigate() and the browser's back and forward buttons. */
export function useLocation(): URL {
  const [url, setUrl] = useState(() => new URL(location.href));
  useEffect(() => {
    const update = () => setUrl(new URL(location.href));
    addEventListener('popstate', update);
    addEventListener(CHANGE, update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener(CHANGE, update);
    };
  }, []);
  return url;
}

/** Click handler for in-site links: a plain left click navigates in place; others behave as links do. */
export function onLinkClick(event: MouseEvent): void {
  const link = event.currentTarget as HTMLAnchorElement;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href')!);
}
