import { join } from 'node:path';
import ts from 'typescript';
import { K8sObject, nameOf } from './objects';

/** The TypeScript declarations of the same packages and API groups that schema-validator.mjs accepts. */
const MODULES: Record<string, string> = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'batch/v1': 'kubernetes-models/batch/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'rbac.authorization.k8s.io/v1': 'kubernetes-models/rbac.authorization.k8s.io/v1',
  'kafka.strimzi.io/v1': '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1',
  'postgresql.cnpg.io/v1': '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1',
};

/**
 * Fields the API does not know. The compiled JSON schemas let unknown fields pass (as the API server
 * would drop them, where `kubectl apply` with strict field validation refuses them), so each object is
 * also type-checked, as an object literal, against its model's TypeScript interface: the compiler's
 * excess property check names every misspelt or misplaced field. Objects of unknown API groups are left
 * to the schema check.
 */
export function unknownFields(sets: Record<string, K8sObject[]>, root: string): Record<string, string[]> {
  const fileName = join(root, 'test', 'deploy', 'k8s', '__rendered-manifests__.ts');
  const labelled = Object.entries(sets).flatMap(([label, objects]) => objects.map((object) => ({ label, object })));
  const groups = [...new Set(labelled.map(({ object }) => object.apiVersion).filter((apiVersion) => apiVersion in MODULES))];
  let text = groups.map((apiVersion, index) => `import type * as G${index} from '${MODULES[apiVersion]}';\n`).join('');
  const starts: Array<{ offset: number; label: string; object: K8sObject }> = [];
  labelled.forEach(({ label, object }, index) => {
    const group = groups.indexOf(object.apiVersion);
    if (group < 0) return;
    starts.push({ offset: text.length, label, object });
    text += `export const object${index}: G${group}.I${object.kind} = ${JSON.stringify(object, null, 1)};\n`;
  });
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === fileName ? ts.createSourceFile(name, text, version) : getSourceFile(name, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);
  const program = ts.createProgram([fileName], options, host);
  const problems: Record<string, string[]> = Object.fromEntries(Object.keys(sets).map((label) => [label, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program, program.getSourceFile(fileName))) {
    const owner = [...starts].reverse().find((start) => start.offset <= (diagnostic.start ?? 0));
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (owner) problems[owner.label].push(`${nameOf(owner.object)}: ${message}`);
    else for (const label of Object.keys(problems)) problems[label].push(`the generated type check failed: ${message}`);
  }
  return problems;
}
