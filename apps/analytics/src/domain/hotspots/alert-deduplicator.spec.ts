import { AlertDeduplicator } from './alert-deduplicator';
import type { SpikeAlert, TermAlert } from './hotspot-alert';

const MINUTE = 60_000;
const T0 = new Date('2026-11-29T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

function term(subject: string, observed: number): TermAlert {
  return {
    kind: 'term',
    subject,
    since: T0,
    until: T0,
    observed,
    expected: 0.01,
    ratio: observed / 0.01,
    pValue: 1e-20,
    threshold: 1e-6,
    samples: [],
  };
}

function spike(subject: string, observed: number): SpikeAlert {
  return {
    kind: 'spike',
    dimension: 'department',
    subject,
    since: T0,
    until: T0,
    observed,
    expected: 4,
    ratio: observed / 4,
    pValue: 1e-9,
    threshold: 1e-5,
  };
}

describe('AlertDeduplicator', () => {
  it('raises a subject once while it stays hot, and again as grown once its count doubles', () => {
    const dedup = new AlertDeduplicator();
    expect(dedup.admit([term('某某理财', 12)], at(0))).toMatchObject([{ key: 'term:某某理财', raise: 'new', observed: 12 }]);
    expect(dedup.admit([term('某某理财', 15)], at(1))).toEqual([]);
    expect(dedup.admit([term('某某理财', 23)], at(30))).toEqual([]);
    expect(dedup.admit([term('某某理财', 24)], at(31))).toMatchObject([{ raise: 'grown', observed: 24 }]);
    // growth is measured from the count last raised
    expect(dedup.admit([term('某某理财', 40)], at(32))).toEqual([]);
  });

  it('raises it anew after the cool-down without detections, but not while detections keep it hot', () => {
    const dedup = new AlertDeduplicator({ coolDownMs: 120 * MINUTE });
    dedup.admit([term('某某理财', 12)], at(0));
    for (let m = 60; m <= 300; m += 60) expect(dedup.admit([term('某某理财', 12)], at(m))).toEqual([]);
    expect(dedup.admit([term('某某理财', 12)], at(300 + 121))).toMatchObject([{ raise: 'new' }]);
  });

  it('keys by kind, dimension and subject', () => {
    const dedup = new AlertDeduplicator();
    const first = dedup.admit([spike('FRAUD', 20), term('fraud', 20), { ...spike('FRAUD', 20), dimension: 'branch' }], at(0));
    expect(first.map((a) => a.key)).toEqual(['spike:department:FRAUD', 'term:fraud', 'spike:branch:FRAUD']);
    expect(dedup.admit([spike('FRAUD', 21), spike('WEALTH', 9)], at(60))).toMatchObject([{ key: 'spike:department:WEALTH', raise: 'new' }]);
  });

  it('carries its hot subjects over to another instance or a restart through a snapshot, detections that kept them hot included', () => {
    const first = new AlertDeduplicator({ coolDownMs: 120 * MINUTE });
    first.admit([spike('FRAUD', 20)], at(-100));
    first.admit([spike('FRAUD', 22)], at(-30));
    expect(first.snapshot()).toEqual([{ key: 'spike:department:FRAUD', lastDetectedAt: at(-30), raisedObserved: 20 }]);

    const second = AlertDeduplicator.restore({ coolDownMs: 120 * MINUTE }, first.snapshot());
    expect(second.admit([spike('FRAUD', 25)], at(0))).toEqual([]);
    expect(second.admit([spike('FRAUD', 40)], at(1))).toMatchObject([{ raise: 'grown', observed: 40 }]);
    expect(AlertDeduplicator.restore({}, []).admit([spike('FRAUD', 25)], at(0))).toMatchObject([{ raise: 'new' }]);
    expect(() => new AlertDeduplicator({ growthFactor: 1 })).toThrow(RangeError);
  });
});
