// Validates Kubernetes objects against the API schemas of a pinned Kubernetes release and of the
// operators' custom resources, offline: the JSON schemas compiled into kubernetes-models (Kubernetes
// 1.34 API), @kubernetes-models/strimzi-kafka-operator (Strimzi's kafka.strimzi.io/v1 CRDs) and
// @kubernetes-models/cloudnative-pg (CloudNativePG's postgresql.cnpg.io/v1 types); versions pinned in
// package.json. These packages are ES modules only, so the jest spec runs this file with plain Node:
//   node schema-validator.mjs < objects.json   ->   [{ "index": 3, "problems": ["..."] }, ...]
// Only the API versions listed here are accepted: an object of any other apiVersion/kind is a problem.
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as rbacV1 from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import * as coreV1 from 'kubernetes-models/v1';
import * as strimziV1 from '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1';
import * as cnpgV1 from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1';

const API_GROUPS = {
  v1: coreV1,
  'apps/v1': appsV1,
  'autoscaling/v2': autoscalingV2,
  'batch/v1': batchV1,
  'networking.k8s.io/v1': networkingV1,
  'policy/v1': policyV1,
  'rbac.authorization.k8s.io/v1': rbacV1,
  'kafka.strimzi.io/v1': strimziV1,
  'postgresql.cnpg.io/v1': cnpgV1,
};

function problemsOf(object) {
  const group = API_GROUPS[object?.apiVersion];
  const Model = group?.[object?.kind];
  if (!Model || Model.apiVersion !== object.apiVersion || Model.kind !== object.kind) {
    return [`${object?.apiVersion}/${object?.kind} is not a known API (accepted: ${Object.keys(API_GROUPS).join(', ')})`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    const details = Array.isArray(error?.errors) ? error.errors : null;
    if (!details) return [String(error?.message ?? error)];
    return details.map((detail) => `${detail.instancePath || '/'} ${detail.message ?? detail.keyword}`);
  }
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const objects = JSON.parse(input);
  const results = objects.map((object, index) => ({ index, problems: problemsOf(object) })).filter((result) => result.problems.length > 0);
  process.stdout.write(JSON.stringify(results));
});
