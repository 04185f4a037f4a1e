import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildRoutingModel, DEFAULT_BUILD_OPTIONS } from '../libs/classification/src/training/build-routing-model';
import { readDataset, routingDataDir, TRAINING_FILES } from '../libs/classification/src/training/routing-dataset';

/**
 * `npm run train:routing`: trains the routing classifier on the training split of data/routing
 * (never the held-out files) and writes libs/classification/src/routing-model.json. Deterministic:
 * the same data gives the same file. Commit the file; services load it, they never train.
 */
function main(): void {
  const dataDir = routingDataDir();
  const started = Date.now();
  const training = Object.fromEntries(TRAINING_FILES.map((file) => [file, readDataset(file, dataDir)]));
  const model = buildRoutingModel(training, DEFAULT_BUILD_OPTIONS);
  const target = join(dirname(dirname(dataDir)), 'libs', 'classification', 'src', 'routing-model.json');
  const json = `${JSON.stringify(model)}\n`;
  writeFileSync(target, json);
  const rows = Object.entries(model.trainedOn)
    .map(([file, n]) => `${file}: ${n}`)
    .join(', ');
  process.stdout.write(
    `trained ${model.classifierVersion} on ${rows}\n${model.features.length} features, ${(json.length / 1024).toFixed(0)} KiB -> ${target} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}

main();
