import { InvalidConfigError, parseKeyedSetting } from '@complaints/config';
import { EvidenceLinkKeys, evidenceLinkKeys } from './evidence-link';

/** The keys links are signed and checked with, and the clock their expiry is checked against (tests move it). */
export abstract class EvidenceLinkSettings {
  abstract readonly keys: EvidenceLinkKeys;
  abstract now(): number;
}

/**
 * Settings from `EVIDENCE_LINK_SECRET` (`<keyId>:<secret>` pairs, the first signs; the same value in
 * cases and the intakes); a setting that cannot be used stops the service at boot, naming the variable.
 */
export function evidenceLinkSettings(setting: string, now: () => number = () => Date.now()): EvidenceLinkSettings {
  let keys: EvidenceLinkKeys;
  try {
    keys = evidenceLinkKeys(parseKeyedSetting(setting));
  } catch (error) {
    throw new InvalidConfigError([`EVIDENCE_LINK_SECRET: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return { keys, now };
}
