import { ensureDeployEnv } from './deploy-env';
import { compose, composeFiles, ensureDockerd, PROJECT_ROOT } from './docker';

/**
 * `npm run deploy:down`: stops and removes the containers and network of docker-compose.yml. The data
 * volumes stay unless asked: `npm run deploy:down -- --volumes`. Arguments go to `docker-compose down`.
 * Stops a three-broker stack (DEPLOY_KAFKA_BROKERS=3) as well.
 */
async function main(): Promise<void> {
  await ensureDockerd();
  // Compose interpolates the whole file even to stop it, so the secrets it names must be defined.
  ensureDeployEnv(PROJECT_ROOT);
  // Both files, so the brokers of a three-broker run (DEPLOY_KAFKA_BROKERS=3) go too.
  await compose(['down', '--remove-orphans', ...process.argv.slice(2)], composeFiles('all'));
}

main().catch((error: unknown) => {
  process.stderr.write(`deploy:down: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
