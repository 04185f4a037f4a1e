/**
 * Global setup and teardown for specs that need no Kafka, PostgreSQL or browser (the offline checks of
 * deploy/, run alone by `npm run deploy:k8s:validate`): nothing to start or stop.
 */
export default async function offlineGlobalSetup(): Promise<void> {}
