import type { TranscriptTurnV1 } from '@complaints/contracts';

/** What the classifier reads: for calls, the customer's turns only; otherwise the text. */
export function customerText(text: string, transcript?: Pick<TranscriptTurnV1, 'speaker' | 'text'>[]): string {
  return transcript?.length
    ? transcript
        .filter((turn) => turn.speaker === 'customer')
        .map((turn) => turn.text)
        .join('\n')
    : text;
}
