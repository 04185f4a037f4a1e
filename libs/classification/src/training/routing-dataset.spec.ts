import { DEPARTMENTS, PRIORITIES, PRODUCTS, REASONS, SERVICE_POINTS } from '@complaints/contracts';
import { normaliseText } from '../text-features';
import { customerText, HELDOUT_SETS, LabeledComplaint, readDataset, TRAINING_FILES } from './routing-dataset';

const training = TRAINING_FILES.flatMap((file) => readDataset(file));
const heldout = HELDOUT_SETS.flatMap((set) => readDataset(set.file));
const key = (item: LabeledComplaint) => normaliseText(customerText(item)).replace(/\s+/g, '');

describe('routing data', () => {
  it('keeps the held-out split out of training, by id and by text', () => {
    const trainingIds = new Set(training.map((item) => item.id));
    const trainingTexts = new Set(training.map(key));
    expect(heldout.filter((item) => trainingIds.has(item.id)).map((item) => item.id)).toEqual([]);
    expect(heldout.filter((item) => trainingTexts.has(key(item))).map((item) => item.id)).toEqual([]);
  });

  it('has no near-duplicate of a training text among the held-out ones (character trigram Jaccard <= 0.5)', () => {
    const trigrams = (item: LabeledComplaint) => {
      const text = key(item);
      return new Set(Array.from({ length: Math.max(1, text.length - 2) }, (_, i) => text.slice(i, i + 3)));
    };
    const trainingGrams = training.map(trigrams);
    const nearDuplicates = heldout.filter((item) => {
      const grams = trigrams(item);
      return trainingGrams.some((other) => {
        let shared = 0;
        for (const g of grams) if (other.has(g)) shared++;
        return shared / (grams.size + other.size - shared) > 0.5;
      });
    });
    expect(nearDuplicates.map((item) => item.id)).toEqual([]);
  });

  it('has unique ids and no empty text', () => {
    const all = [...training, ...heldout];
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    expect(all.filter((item) => !customerText(item).trim()).map((item) => item.id)).toEqual([]);
  });

  it('labels with the codes of the taxonomy', () => {
    for (const item of [...training, ...heldout]) {
      if (item.product) expect(PRODUCTS).toContain(item.product);
      if (item.reason) expect(REASONS).toContain(item.reason);
      if (item.servicePoint) expect(SERVICE_POINTS).toContain(item.servicePoint);
      if (item.priority) expect(PRIORITIES).toContain(item.priority);
      if (item.department) expect(DEPARTMENTS).toContain(item.department);
    }
  });

  it('follows the priority rule of docs/ARCHITECTURE.md (Taxonomy and routing) in our own data', () => {
    const own = [...training, ...heldout].filter((item) => item.vulnerable !== undefined);
    expect(own.length).toBeGreaterThan(400);
    for (const item of own) {
      const expected =
        item.escalation || item.vulnerable || item.reason === 'FUNDS_SECURITY' ? 'P1' : item.reason === 'OTHER' ? 'P3' : 'P2';
      expect([item.id, item.priority]).toEqual([item.id, expected]);
    }
  });
});
