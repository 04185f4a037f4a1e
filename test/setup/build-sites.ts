import { execFileSync } from 'node:child_process';

/** Builds the web sites (customer site, staff console) the services serve: `npm run build:sites`. */
export function buildSites(projectRoot: string): void {
  execFileSync('npm', ['run', '-s', 'build:sites'], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
}
