import { fileURLToPath } from 'node:url';
import { siteConfig } from '../../../tools/web/site-config.mts';

export default siteConfig('console', fileURLToPath(new URL('.', import.meta.url)));
