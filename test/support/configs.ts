import { ClassConstructor } from 'class-transformer';
import { loadConfig } from '@complaints/config';

/** A service configuration from the test environment, with overrides (ports 0 = any free port). */
export function testConfig<T extends object>(cls: ClassConstructor<T>, overrides: Record<string, string> = {}): T {
  return loadConfig(cls, { ...process.env, ...overrides });
}
