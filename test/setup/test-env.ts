import { applyTestEnv } from './test-defaults';

applyTestEnv();
