import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from './objects';

/** Renders kustomizations: `kustomize build <dir>` or kubectl's built-in kustomize (`kubectl kustomize <dir>`). */
export interface Renderer {
  command: string;
  args: string[];
  /** The kustomize version, e.g. v5.5.0. */
  version: string;
}

/** kustomize 5 is what the kustomizations are written for (labels, replicas, patches with targets). */
const LEAST_MAJOR = 5;

/**
 * The renderer to use: $KUSTOMIZE (a kustomize binary), else `kustomize` on the PATH, else kubectl's
 * built-in kustomize, each only at version 5 or later. When there is none, Debian's `kustomize` package
 * is installed with apt-get where the release has it (as root, or through sudo); otherwise the error
 * says what to install.
 */
export function findRenderer(log: (line: string) => void): Renderer {
  const found = candidates().find(usable);
  if (found) return found;
  if (aptHasKustomize()) {
    log('installing kustomize for the Kubernetes manifest checks (apt-get)');
    aptInstall(['kustomize']);
    const installed = candidates().find(usable);
    if (installed) return installed;
  }
  const seen = candidates()
    .map((candidate) => `${candidate.command} (${candidate.version || 'not found'})`)
    .join(', ');
  throw new Error(
    `No kustomize ${LEAST_MAJOR}+ to render deploy/k8s (looked at ${seen}). Install kubectl 1.27 or later (it has kustomize 5 built in) ` +
      `or kustomize 5 (Debian: apt-get install kustomize, from Debian 14 "forky" on), or set KUSTOMIZE=/path/to/kustomize.`,
  );
}

/** Renders one kustomization directory into its objects. */
export function render(renderer: Renderer, directory: string): K8sObject[] {
  const output = execFileSync(renderer.command, [...renderer.args, directory], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseAllDocuments(output)
    .map((document) => document.toJSON() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

function candidates(): Renderer[] {
  const list: Renderer[] = [];
  if (process.env.KUSTOMIZE)
    list.push({ command: process.env.KUSTOMIZE, args: ['build'], version: kustomizeVersion(process.env.KUSTOMIZE) });
  list.push({ command: 'kustomize', args: ['build'], version: kustomizeVersion('kustomize') });
  list.push({ command: 'kubectl', args: ['kustomize'], version: kubectlKustomizeVersion() });
  return list;
}

function usable(renderer: Renderer): boolean {
  const major = /^v?(\d+)\./.exec(renderer.version)?.[1];
  return major !== undefined && Number(major) >= LEAST_MAJOR;
}

/** `kustomize version` prints e.g. "v5.8.0" (or "{Version:kustomize/v4.5.7 ...}" before 5). */
function kustomizeVersion(command: string): string {
  const output = quietly(command, ['version']);
  return /v\d+\.\d+\.\d+/.exec(output)?.[0] ?? '';
}

/** `kubectl version --client` prints its built-in "Kustomize Version: v5.5.0". */
function kubectlKustomizeVersion(): string {
  const output = quietly('kubectl', ['version', '--client']);
  return /Kustomize Version:\s*(v\d+\.\d+\.\d+)/.exec(output)?.[1] ?? '';
}

function quietly(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  } catch {
    return '';
  }
}

/** Whether this machine's apt sources offer a kustomize package (no `apt-get update`: only what is known). */
function aptHasKustomize(): boolean {
  const policy = quietly('apt-cache', ['policy', 'kustomize']);
  return /Candidate:\s*(?!\(none\))\S+/.test(policy);
}

function aptInstall(packages: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const args = ['apt-get', 'install', '-y', '--no-install-recommends', ...packages];
  execFileSync(asRoot ? args[0] : 'sudo', asRoot ? args.slice(1) : ['-n', ...args], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
