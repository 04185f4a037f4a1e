import 'reflect-metadata';
import { applyTestEnv } from './test-defaults';

applyTestEnv();
