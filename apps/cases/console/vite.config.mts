import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';
import { siteConfig } from '../../../tools/web/site-config.mts';

// The dashboard's chunk carries ECharts (core, line, bar and heat map on canvas: ~590 kB, ~200 kB gzipped),
// loaded only when the dashboard is opened.
export default mergeConfig(siteConfig('console', fileURLToPath(new URL('.', import.meta.url))), { build: { chunkSizeWarningLimit: 650 } });
