import { decodeEnglishVectors, EnglishVectors, EnglishVectorsFile } from './english-vectors.codec';
import vectorsFile from './english-vectors.json';
import { englishWords } from './text-features';

let loaded: EnglishVectors | undefined;

/** The committed English word vectors (`npm run build:vectors`), decoded once. */
export function englishVectors(): EnglishVectors {
  loaded ??= decodeEnglishVectors(vectorsFile as EnglishVectorsFile);
  return loaded;
}

/** Where the vectors come from (package and version). */
export function englishVectorsSource(): string {
  return (vectorsFile as EnglishVectorsFile).source;
}

/**
 * The mean vector of the text's English content words that have one; null when none has. Words the
 * training never saw still land near the words they resemble (Experian near Equifax, escrow near
 * mortgage), which is what a few hundred labeled complaints cannot teach.
 */
export function meanEnglishVector(text: string): Float32Array | null {
  const vectors = englishVectors();
  const mean = new Float32Array(vectors.dimensions);
  let found = 0;
  for (const word of englishWords(text)) {
    const vector = vectors.vectorOf(word);
    if (!vector) continue;
    for (let d = 0; d < mean.length; d++) mean[d] += vector[d];
    found++;
  }
  if (found === 0) return null;
  for (let d = 0; d < mean.length; d++) mean[d] /= found;
  return mean;
}
