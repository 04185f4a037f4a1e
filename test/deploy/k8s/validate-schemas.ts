import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { K8sObject, nameOf } from './objects';

/**
 * Validates objects against the pinned Kubernetes API and operator CRD schemas (schema-validator.mjs,
 * run with plain Node because its model packages are ES modules only). Returns one line per problem.
 */
export function validateSchemas(objects: K8sObject[]): string[] {
  const output = execFileSync(process.execPath, [join(__dirname, 'schema-validator.mjs')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const results = JSON.parse(output) as Array<{ index: number; problems: string[] }>;
  return results.flatMap(({ index, problems }) => problems.map((problem) => `${nameOf(objects[index])}: ${problem}`));
}
