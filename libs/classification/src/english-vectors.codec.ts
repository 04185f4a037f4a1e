/** English word vectors as committed: int8 components with one float32 scale per word, base64. */
export interface EnglishVectorsFile {
  source: string;
  dimensions: number;
  /** The words, newline-separated, in the order of the vectors. */
  words: string;
  /** Float32 little-endian, one per word. */
  scales: string;
  /** Int8, `dimensions` per word. */
  components: string;
}

export interface EnglishVectors {
  dimensions: number;
  vectorOf(word: string): Float32Array | undefined;
}

export function encodeEnglishVectors(source: string, entries: readonly { word: string; vector: readonly number[] }[]): EnglishVectorsFile {
  const dimensions = entries[0]?.vector.length ?? 0;
  const scales = Buffer.alloc(entries.length * 4);
  const components = Buffer.alloc(entries.length * dimensions);
  entries.forEach(({ vector }, i) => {
    const scale = Math.max(...vector.map(Math.abs)) / 127 || 1;
    scales.writeFloatLE(scale, i * 4);
    vector.forEach((x, d) => components.writeInt8(Math.round(x / scale), i * dimensions + d));
  });
  return { source, dimensions, words: entries.map((e) => e.word).join('\n'), scales: scales.toString('base64'), components: components.toString('base64') };
}

export function decodeEnglishVectors(file: EnglishVectorsFile): EnglishVectors {
  const words = file.words.split('\n');
  const index = new Map(words.map((w, i) => [w, i]));
  const scales = Buffer.from(file.scales, 'base64');
  const components = Buffer.from(file.components, 'base64');
  const { dimensions } = file;
  return {
    dimensions,
    vectorOf(word: string): Float32Array | undefined {
      const i = index.get(word);
      if (i === undefined) return undefined;
      const scale = scales.readFloatLE(i * 4);
      const vector = new Float32Array(dimensions);
      for (let d = 0; d < dimensions; d++) vector[d] = components.readInt8(i * dimensions + d) * scale;
      return vector;
    },
  };
}
