import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The Vite build of one of the platform's web sites: Preact, the shared kit at `@complaints/web-ui`,
 * the pure contract constants at `@complaints/contracts/*`, output in dist/sites/<name> (served by the
 * owning service; see libs/http/src/site.ts).
 */
export function siteConfig(name: string, root: string): UserConfig {
  return defineConfig({
    root,
    base: '/',
    plugins: [preact({ devToolsEnabled: false })],
    resolve: {
      alias: {
        '@complaints/web-ui': `${projectRoot}libs/web-ui/src`,
        '@complaints/contracts/': `${projectRoot}libs/contracts/src/`,
      },
    },
    build: {
      outDir: `${projectRoot}dist/sites/${name}`,
      emptyOutDir: true,
      assetsDir: 'assets',
      sourcemap: true,
      reportCompressedSize: false,
    },
    logLevel: 'warn',
  });
}
