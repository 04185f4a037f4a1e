import { evidenceFileName, evidenceMediaType } from './evidence-file-name';

describe('names and types of downloaded evidence', () => {
  const id = '8d2f0a8e-6c59-4a6b-9d6e-2f1a3b4c5d6e';
  const png = (fileName: string | null) => evidenceFileName({ fileName, contentType: 'image/png' }, id);

  it.each([
    ['a plain name', 'screen.png', 'screen.png'],
    ['a Chinese name', '交易截图.PNG', '交易截图.PNG'],
    ['folders', '../../etc/passwd', 'passwd.png'],
    ['Windows folders', 'C:\\Users\\me\\shot.png', 'shot.png'],
    ['quotes and control characters', 'a"b\r\nc\u0000.png', 'abc.png'],
    ['a bidirectional override hiding the extension', 'invoice\u202Egnp.exe', 'invoicegnp.exe.png'],
    ['a name claiming another type', 'statement.pdf', 'statement.pdf.png'],
    ['a hidden-file name', '.htaccess', 'htaccess.png'],
    ['no name', null, 'evidence-8d2f0a8e.png'],
    ['a name of dots', '...', 'evidence-8d2f0a8e.png'],
  ])('%s', (_, given, expected) => {
    expect(png(given)).toBe(expected);
  });

  it('keeps names short, and takes .jpeg for a JPEG', () => {
    expect(png('x'.repeat(300))).toBe(`${'x'.repeat(100)}.png`);
    expect(evidenceFileName({ fileName: 'photo.jpeg', contentType: 'image/jpeg' }, id)).toBe('photo.jpeg');
  });

  it('serves only the accepted evidence types as themselves', () => {
    expect(evidenceMediaType('application/pdf')).toBe('application/pdf');
    expect(evidenceMediaType('text/html')).toBe('application/octet-stream');
    expect(evidenceFileName({ fileName: 'page.html', contentType: 'text/html' }, id)).toBe('page.html.bin');
  });
});
