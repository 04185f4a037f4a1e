import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ProblemException, problem } from '@complaints/http';

const parser = new XMLParser({
  // Every value stays a string: MsgId is a 64-bit number that must not lose digits.
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  // References are not expanded: `&#xD800;` stays the 8 characters it is written as, so no reference can
  // put a lone surrogate (which PostgreSQL refuses in jsonb) or a control character into stored text.
  // WeChat sends text in CDATA, where nothing is expanded anyway.
  processEntities: false,
  trimValues: false,
});

/** A UTF-16 surrogate without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** DOCTYPE/ENTITY declarations have no place in a WeChat message and are how XML bombs and XXE start. */
const DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST)/i;

/**
 * Reads a WeChat XML document `<xml><Field>value</Field>...</xml>` into its fields. Malformed XML,
 * documents with a DTD or entity declarations, and anything but one flat `<xml>` element are
 * refused with a 400 problem (never parsed further, never a 500).
 */
export function readWechatXml(raw: unknown, field = 'body'): Record<string, unknown> {
  if (typeof raw !== 'string' || raw.trim() === '') throw badXml(field, 'the body must be a WeChat XML document');
  if (DECLARATION.test(raw)) throw badXml(field, 'XML with a DTD or entity declarations is refused');
  const valid = XMLValidator.validate(raw);
  if (valid !== true) throw badXml(field, `malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  let document: Record<string, unknown>;
  try {
    document = parser.parse(raw) as Record<string, unknown>;
  } catch (error) {
    throw badXml(field, `malformed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const root = document.xml;
  if (typeof root !== 'object' || root === null || Array.isArray(root))
    throw badXml(field, 'the document must have one <xml> root element with fields');
  return wellFormed(root as Record<string, unknown>);
}

/** Every text value well-formed UTF-16 (a lone surrogate replaced by U+FFFD), whatever produced the document. */
function wellFormed(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [name, typeof value === 'string' ? value.replace(LONE_SURROGATE, '\uFFFD') : value]),
  );
}

function badXml(field: string, message: string): ProblemException {
  return new ProblemException(problem(400, 'invalid-xml', message, { errors: [{ field, message }] }));
}
