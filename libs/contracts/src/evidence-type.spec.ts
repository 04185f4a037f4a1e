import { EXE, GIF, HEIC, HTML, JPEG, MP4, PDF, PNG, WEBP } from '../../../test/support/evidence-samples';
import { declaredEvidenceType, sniffEvidenceType } from './evidence-type';

describe('sniffEvidenceType', () => {
  it.each([
    ['JPEG', JPEG, 'image/jpeg'],
    ['PNG', PNG, 'image/png'],
    ['GIF', GIF, 'image/gif'],
    ['WebP', WEBP, 'image/webp'],
    ['HEIC', HEIC, 'image/heic'],
    ['PDF', PDF, 'application/pdf'],
  ])('recognises %s by its content', (_, bytes, type) => {
    expect(sniffEvidenceType(bytes)).toBe(type);
  });

  it.each([
    ['a Windows executable', EXE],
    ['an HTML page', HTML],
    ['an MP4 video (ISO-BMFF but not HEIF)', MP4],
    ['nothing', Buffer.alloc(0)],
    ['a truncated PNG signature', PNG.subarray(0, 4)],
    ['a RIFF file that is not WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')])],
  ])('refuses %s', (_, bytes) => {
    expect(sniffEvidenceType(bytes)).toBeNull();
  });
});

describe('declaredEvidenceType', () => {
  it('reads declared types with parameters, case and aliases', () => {
    expect(declaredEvidenceType('IMAGE/PNG')).toBe('image/png');
    expect(declaredEvidenceType('image/jpg')).toBe('image/jpeg');
    expect(declaredEvidenceType('image/heif')).toBe('image/heic');
    expect(declaredEvidenceType('application/pdf; charset=binary')).toBe('application/pdf');
    expect(declaredEvidenceType('text/html')).toBeNull();
  });
});
