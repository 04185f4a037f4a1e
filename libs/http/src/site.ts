import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A single-page web site built by Vite (`npm run build:sites`) and served by a service. */
export interface SiteOptions {
  /** Folder name under dist/sites (the Vite build's outDir). */
  name: string;
  /** Paths answered with the site's index.html (the page decides what to show). */
  pages: string[];
  /** Other origins the pages may fetch from (added to the CSP's connect-src), e.g. `http://127.0.0.1:3008`. */
  connectSrc?: string[];
}

/** The site pages' Content-Security-Policy: only the site itself, plus the named origins for fetch. */
export function siteContentSecurityPolicy(site: SiteOptions): string {
  const connect = ["'self'", ...(site.connectSrc ?? [])].join(' ');
  return `default-src 'self'; connect-src ${connect}; img-src 'self' data: blob:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;
}

/** The project root: the nearest folder above this file with a package.json. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export function siteDirectory(name: string): string {
  return join(projectRoot(), 'dist', 'sites', name);
}

/**
 * Serves a built site: hashed assets under `/assets/` (cached for a year), and `index.html` (never
 * cached) for each page path. Fails at boot when the site was not built, rather than answering 404s.
 */
export async function mountSite(app: NestFastifyApplication, site: SiteOptions): Promise<void> {
  const root = siteDirectory(site.name);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`site "${site.name}" is not built (${indexFile} missing): run npm run build:sites`);
  const index = readFileSync(indexFile);
  const csp = siteContentSecurityPolicy(site);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
  });
  for (const page of site.pages) {
    fastify.get(page, (_request, reply) => {
      void reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'same-origin')
        .header('content-security-policy', csp)
        .send(index);
    });
  }
}
