import { checkPickedEvidence, evidenceMessage, type EvidenceBreach } from '@complaints/contracts/evidence.rules';
import { WEB_COMPLAINT_LIMITS } from '@complaints/contracts/web-complaint.rules';
import type { Lang } from '@complaints/web-ui';

/** A file the customer chose as evidence, with its first bytes (to recognise its type as the API does). */
export interface ChosenFile {
  id: string;
  file: File;
  head: Uint8Array;
}

export const EVIDENCE_LIMITS = { maxCount: WEB_COMPLAINT_LIMITS.maxAttachments, maxBytes: WEB_COMPLAINT_LIMITS.maxAttachmentBytes };

/** Enough leading bytes for every accepted type's signature (HEIF brands may sit further into the ftyp box). */
const HEAD_BYTES = 512;

export async function chooseFiles(files: readonly File[]): Promise<ChosenFile[]> {
  return Promise.all(
    files.map(async (file) => ({
      id: `${file.name}-${file.size}-${file.lastModified}-${Math.random()}`,
      file,
      head: new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()),
    })),
  );
}

/** The API's evidence rules on the chosen files, as messages in the page's language, each naming its file. */
export function evidenceProblems(files: readonly ChosenFile[], lang: Lang): string[] {
  const breaches = checkPickedEvidence(
    files.map((f) => ({ sizeBytes: f.file.size, head: f.head })),
    EVIDENCE_LIMITS,
  );
  return breaches.map((breach) => describe(breach, files, lang));
}

function describe(breach: EvidenceBreach, files: readonly ChosenFile[], lang: Lang): string {
  const message = evidenceMessage(breach.rule, breach.values, lang);
  const index = /^attachments\[(\d+)\]/.exec(breach.field)?.[1];
  return index === undefined ? message : `${files[Number(index)]?.file.name ?? breach.field}: ${message}`;
}

/** The files as the API takes them: base64 content and the name (the type is judged from the content). */
export async function encodeFiles(files: readonly ChosenFile[]): Promise<Array<{ data: string; fileName: string }>> {
  return Promise.all(files.map(async (f) => ({ data: await base64(f.file), fileName: f.file.name })));
}

function base64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}
