import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Pom that pins the Kafka broker and its runtime dependencies. */
export const KAFKA_POM = 'deploy/kafka/pom.xml';
const MARKER = '.pom.sha256';

/** Directory the broker jars are copied into (`<projectRoot>/.local/kafka/libs`). */
export function kafkaLibsDir(projectRoot: string): string {
  return join(projectRoot, '.local', 'kafka', 'libs');
}

/**
 * Makes sure the Kafka broker jars are present in `<projectRoot>/.local/kafka/libs`, copying them from
 * Maven Central with `mvn dependency:copy-dependencies`. A marker recording the pom's sha256 makes
 * re-runs instant; the jars are resolved again whenever the pom changes. Returns the libs directory.
 */
export async function resolveKafkaJars(projectRoot: string, log?: (line: string) => void): Promise<string> {
  const pom = join(projectRoot, KAFKA_POM);
  const libs = kafkaLibsDir(projectRoot);
  const sha = createHash('sha256')
    .update(await readFile(pom))
    .digest('hex');
  if ((await readFile(join(libs, MARKER), 'utf8').catch(() => '')).trim() === sha) return libs;

  log?.(`resolving Kafka broker jars from ${KAFKA_POM} with mvn (one-off)`);
  const tmp = `${libs}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    const args = ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`, '-DincludeScope=runtime'];
    await execFileAsync('mvn', args, { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 }).catch((err: unknown) => {
      const e = err as { stdout?: string; stderr?: string; message: string };
      const output = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
      throw new Error(`mvn could not resolve the Kafka broker jars (${e.message.split('\n')[0]})\n${output}`);
    });
    const jars = (await readdir(tmp)).filter((f) => f.endsWith('.jar'));
    if (!jars.some((f) => f.startsWith('kafka_'))) throw new Error(`mvn copied no Kafka broker jar into ${tmp}`);
    await writeFile(join(tmp, MARKER), `${sha}\n`);
    await rm(libs, { recursive: true, force: true });
    await rename(tmp, libs).catch(async (err: unknown) => {
      // Another process resolved the same pom concurrently and won the rename: its copy is as good.
      if ((await readFile(join(libs, MARKER), 'utf8').catch(() => '')).trim() !== sha) throw err;
    });
    log?.(`copied ${jars.length} jars into ${libs}`);
    return libs;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
