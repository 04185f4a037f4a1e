import { createServer } from 'node:http';
import { startBaselineConsumer } from './baseline-router-consumer';

/**
 * The router scenario's bare consumer (bench/baseline-router-consumer.ts) as a process of its own, so
 * the pipeline bench can read its CPU time from /proc: `node dist/bench/baseline-consumer-process.js`
 * with KAFKA_BROKERS, DATABASE_URL, BASELINE_HOST and BASELINE_PORT (`GET /health/ready` answers 200
 * once the consumer runs). Stops on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19292').split(',');
  const consumer = await startBaselineConsumer(brokers, process.env.DATABASE_URL ?? '');
  const server = createServer((req, res) => {
    res.statusCode = req.url === '/health/ready' ? 200 : 404;
    res.end();
  });
  server.listen(Number(process.env.BASELINE_PORT ?? 0), process.env.BASELINE_HOST ?? '127.0.0.1');
  const shutdown = () => {
    server.close();
    consumer.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`baseline consumer failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
