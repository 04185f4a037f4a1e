import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { K8sObject, nameOf } from './objects';

/**
 * Validates sets of objects (e.g. one per overlay) against the pinned Kubernetes API and operator CRD
 * schemas (schema-validator.mjs, run with plain Node because its model packages are ES modules only),
 * in one process. Returns each set's problems, one line each.
 */
export function validateSchemas(sets: Record<string, K8sObject[]>): Record<string, string[]> {
  const labelled = Object.entries(sets).flatMap(([label, objects]) => objects.map((object) => ({ label, object })));
  const output = execFileSync(process.execPath, [join(__dirname, 'schema-validator.mjs')], {
    input: JSON.stringify(labelled.map(({ object }) => object)),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const problems: Record<string, string[]> = Object.fromEntries(Object.keys(sets).map((label) => [label, []]));
  for (const { index, problems: found } of JSON.parse(output) as Array<{ index: number; problems: string[] }>) {
    const { label, object } = labelled[index];
    problems[label].push(...found.map((problem) => `${nameOf(object)}: ${problem}`));
  }
  return problems;
}
