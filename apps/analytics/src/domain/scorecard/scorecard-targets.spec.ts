import { DEFAULT_SCORECARD_TARGETS, parseScorecardTargets } from './scorecard-targets';

describe('scorecard targets', () => {
  it('are the defaults unless overridden', () => {
    expect(parseScorecardTargets('')).toEqual(DEFAULT_SCORECARD_TARGETS);
    expect(parseScorecardTargets('firstFeedbackWithin48h=0.98/0.95,satisfactionMean=4.2/3.8,repeatRate=0.02/0.04')).toEqual({
      ...DEFAULT_SCORECARD_TARGETS,
      firstFeedbackWithin48h: { target: 0.98, watch: 0.95 },
      satisfactionMean: { target: 4.2, watch: 3.8 },
      repeatRate: { target: 0.02, watch: 0.04 },
    });
  });

  it('refuse unknown measures, watch lines on the wrong side and values out of range', () => {
    expect(() => parseScorecardTargets('speed=1/2')).toThrow(/measure=target\/watch/);
    expect(() => parseScorecardTargets('firstFeedbackWithin48h=0.9/0.95')).toThrow(
      'firstFeedbackWithin48h: the watch line must be at or below the target',
    );
    expect(() => parseScorecardTargets('reopenRate=0.1/0.05')).toThrow('reopenRate: the watch line must be at or above the target');
    expect(() => parseScorecardTargets('escalationRate=0.1/1.5')).toThrow('escalationRate: target and watch line must lie between 0 and 1');
    expect(() => parseScorecardTargets('satisfactionMean=6/4')).toThrow('between 1 and 5');
  });
});
