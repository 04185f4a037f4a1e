import { readFileSync } from 'node:fs';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { flattenValidationErrors } from '@complaints/contracts';
import { DEV_DEFAULTS, SECRET_DEFAULTS } from './dev-defaults';

/** Configuration that cannot be used: the service refuses to start and says which variables. */
export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidConfigError';
  }
}

/**
 * Reads and validates a service's configuration from the environment (the one place that reads
 * process.env). `<NAME>_FILE` points at a file holding the value (Docker/Kubernetes secrets).
 * Outside production, unset variables fall back to the development defaults; in production a
 * missing variable or a development secret is refused.
 */
export function loadConfig<T extends object>(cls: ClassConstructor<T>, env: NodeJS.ProcessEnv = process.env): T {
  const production = env.NODE_ENV === 'production';
  const known = settingNames(cls);
  const raw: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    if (name.endsWith('_FILE') && known.has(name.slice(0, -5))) raw[name.slice(0, -5)] ??= readFileSync(value, 'utf8').trim();
    else if (known.has(name)) raw[name] = value;
  }
  const problems: string[] = [];
  for (const [name, value] of Object.entries(DEV_DEFAULTS)) {
    if (!known.has(name)) continue;
    if (raw[name] === undefined && !production) raw[name] = value;
    else if (production && SECRET_DEFAULTS.includes(name) && raw[name] === value) {
      problems.push(`${name}: the development default is refused when NODE_ENV=production`);
    }
  }
  const config = plainToInstance(cls, raw, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  problems.push(...flattenValidationErrors(errors).map((e) => `${e.field}: ${e.message}`));
  if (problems.length > 0) throw new InvalidConfigError(problems);
  return config;
}

/** The settings a configuration class declares (its validated properties). */
function settingNames(cls: ClassConstructor<object>): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  return new Set(metadata.map((m) => m.propertyName));
}
