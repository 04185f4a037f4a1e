import { readFileSync } from 'node:fs';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { flattenValidationErrors } from '@complaints/contracts';
import { DEV_DEFAULTS } from './dev-defaults';
import { productionSecretProblem } from './secret-settings';

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
 * Only with NODE_ENV=development or test do unset variables fall back to the development defaults;
 * NODE_ENV unset (or empty) means production, where a missing variable, a setting containing a
 * development secret anywhere, or a too short HMAC secret is refused.
 */
export function loadConfig<T extends object>(cls: ClassConstructor<T>, env: NodeJS.ProcessEnv = process.env): T {
  const production = isProduction(env);
  const known = settingNames(cls);
  const raw: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    if (name.endsWith('_FILE') && known.has(name.slice(0, -5))) raw[name.slice(0, -5)] ??= readFileSync(value, 'utf8').trim();
    else if (known.has(name)) raw[name] = value;
  }
  const problems: string[] = [];
  if (production) {
    for (const [name, value] of Object.entries(raw)) {
      const problem = productionSecretProblem(name, value);
      if (problem) problems.push(problem);
    }
  } else {
    for (const [name, value] of Object.entries(DEV_DEFAULTS)) if (known.has(name)) raw[name] ??= value;
  }
  const config = plainToInstance(cls, raw, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  problems.push(...flattenValidationErrors(errors).map((e) => `${e.field}: ${e.message}`));
  if (problems.length > 0) throw new InvalidConfigError(problems);
  return config;
}

/** Production rules apply unless NODE_ENV says development or test explicitly. */
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'development' && env.NODE_ENV !== 'test';
}

/** The settings a configuration class declares (its validated properties). */
function settingNames(cls: ClassConstructor<object>): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  return new Set(metadata.map((m) => m.propertyName));
}
