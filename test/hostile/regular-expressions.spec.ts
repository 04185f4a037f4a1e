import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import * as ts from 'typescript';
import { SCORECARD_TARGETS_PATTERN } from '../../apps/analytics/src/domain/scorecard/scorecard-targets';
import { TRANSCRIPT_LINE } from '../../apps/intake-hotline/src/domain/transcript';

/**
 * Every regular expression of the code (`libs/` and `apps/`, servers, sites and console alike) is
 * checked for super-linear backtracking (ReDoS) with recheck: regex literals and `new RegExp(...)` /
 * `RegExp(...)` with a literal source, found with the TypeScript compiler API. (Tests are not
 * scanned: their patterns read the services' own answers, never a stranger's input.)
 */
const ROOT = join(__dirname, '..', '..');
const SCANNED = ['libs', 'apps'];

/**
 * Patterns recheck flags that only ever see bounded input, each with its reason and bound. Keyed by
 * the pattern's source. An entry that no longer matches a flagged pattern fails the test (keep it short).
 */
const BOUNDED_INPUT: Record<string, string> = {
  '\\/+$': 'trailing slashes of configured URLs (settings read at boot, a few hundred characters), never request input',
  '=+$': 'staff console (browser): padding of the base64url SHA-256 of its own PKCE verifier, always 44 characters',
  '^[\\s.]+|[\\s.]+$': "evidence file names: at most 255 characters (the intakes' DTOs), so at most ~65,000 steps",
};

/**
 * `RegExp(...)` constructions from a non-literal source, by file: the pattern is built at load time
 * from code-owned constants (checked below through its exported value), or in a browser from the API's own text.
 */
const BUILT_PATTERNS: Record<string, string> = {
  'apps/analytics/src/domain/scorecard/scorecard-targets.ts': 'SCORECARD_TARGETS_PATTERN, checked below',
  'apps/intake-hotline/src/domain/transcript.ts': 'TRANSCRIPT_LINE, checked below',
  'apps/intake-web/site/src/problem-text.ts': "customer site (browser): reads back the API's own message templates, not a server path",
};

interface FoundPattern {
  source: string;
  flags: string;
  at: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist'].includes(entry.name) ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(d|spec|int-spec|e2e-spec|browser-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

function literalText(node: ts.Expression | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** The regular expressions of one file, and the `RegExp(...)` constructions whose source is not a literal. */
function patternsIn(file: string): { found: FoundPattern[]; dynamic: string[] } {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: FoundPattern[] = [];
  const dynamic: string[] = [];
  const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const end = literal.lastIndexOf('/');
      found.push({ source: literal.slice(1, end), flags: literal.slice(end + 1), at: where(node) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [pattern, flags] = node.arguments ?? [];
      const patternText = literalText(pattern);
      if (patternText === undefined) dynamic.push(where(node));
      else found.push({ source: patternText, flags: literalText(flags) ?? '', at: where(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { found, dynamic };
}

describe('regular expressions of libs/ and apps/', () => {
  const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)));
  const scanned = files.map(patternsIn);
  const patterns = scanned.flatMap((s) => s.found);

  it('finds the patterns (literals and RegExp constructions)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(patterns.length).toBeGreaterThan(50);
    expect(patterns.map((p) => p.source)).toContain('^[^\\s@]+@[^\\s@.]+(?:\\.[^\\s@.]+)+$');
  });

  it('has none that backtracks super-linearly (except bounded input, each with its reason)', () => {
    const unique = new Map<string, FoundPattern[]>();
    for (const pattern of patterns)
      unique.set(`/${pattern.source}/${pattern.flags}`, [...(unique.get(`/${pattern.source}/${pattern.flags}`) ?? []), pattern]);
    const flagged: string[] = [];
    const allowedButSafe: string[] = [];
    for (const [key, [first, ...more]] of unique) {
      const diagnostics = checkSync(first.source, first.flags, { timeout: 10_000 });
      const allowed = BOUNDED_INPUT[first.source];
      if (diagnostics.status === 'safe') {
        if (allowed) allowedButSafe.push(key);
        continue;
      }
      if (allowed) continue;
      const detail =
        diagnostics.status === 'vulnerable'
          ? diagnostics.complexity.summary
          : diagnostics.status === 'unknown'
            ? diagnostics.error.kind
            : '';
      flagged.push(`${key} (${diagnostics.status}: ${detail}) at ${[first, ...more].map((p) => p.at).join(', ')}`);
    }
    expect(flagged).toEqual([]);
    expect(allowedButSafe).toEqual([]);
  });

  it('catches a backtracking pattern (the checker works)', () => {
    expect(checkSync('^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', '').status).toBe('vulnerable');
    expect(checkSync('^(a+)+$', '').status).toBe('vulnerable');
  });

  it('knows every RegExp built from a non-literal source', () => {
    const dynamic = scanned.flatMap((s) => s.dynamic).map((at) => at.replace(/:\d+$/, ''));
    expect([...new Set(dynamic)].sort()).toEqual(Object.keys(BUILT_PATTERNS).sort());
  });

  it.each([
    ['SCORECARD_TARGETS_PATTERN', SCORECARD_TARGETS_PATTERN],
    ['TRANSCRIPT_LINE', TRANSCRIPT_LINE],
  ])('has a linear %s (built from constants)', (_, pattern) => {
    expect(checkSync(pattern.source, pattern.flags, { timeout: 10_000 }).status).toBe('safe');
  });
});
