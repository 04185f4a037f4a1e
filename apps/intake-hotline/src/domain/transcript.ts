export type Speaker = 'customer' | 'agent';

export interface TranscriptTurn {
  speaker: Speaker;
  text: string;
  offsetMs?: number;
}

export type ParsedTranscript = { ok: true; turns: TranscriptTurn[] } | { ok: false; error: string };

/** Speaker labels call-centre systems write in plain-text transcripts (Chinese and English). */
const LABELS: Record<string, Speaker> = {
  客户: 'customer',
  顾客: 'customer',
  用户: 'customer',
  来电人: 'customer',
  来电客户: 'customer',
  坐席: 'agent',
  座席: 'agent',
  客服: 'agent',
  坐席员: 'agent',
  话务员: 'agent',
  customer: 'customer',
  caller: 'customer',
  client: 'customer',
  agent: 'agent',
  operator: 'agent',
  representative: 'agent',
  rep: 'agent',
};

/** One line of a plain-text transcript: "[00:01:23] 客户：…", "[01:23] Agent: …", "客户: …"; half- or full-width colon. */
export const TRANSCRIPT_LINE = new RegExp(
  String.raw`^\s*(?:\[\s*(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:\.(\d{1,3}))?\s*\]\s*)?(` +
    Object.keys(LABELS)
      .sort((a, b) => b.length - a.length)
      .join('|') +
    String.raw`)\s*[:：](.*)$`,
  // `s`: the text runs to the end of the line whatever it holds (no backtracking over it; it is trimmed after).
  'is',
);

/**
 * Turns a plain-text transcript with speaker labels into turns. A line without a label continues
 * the turn before it; text before the first label is refused, since nobody can tell who said it.
 */
export function parseTranscriptText(transcript: string): ParsedTranscript {
  const turns: TranscriptTurn[] = [];
  const lines = transcript.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const match = TRANSCRIPT_LINE.exec(line);
    if (match) {
      const [, hours, minutes, seconds, fraction, label, text] = match;
      const turn: TranscriptTurn = { speaker: LABELS[label.toLowerCase()], text: text.trim() };
      if (minutes !== undefined) turn.offsetMs = offsetMs(hours, minutes, seconds, fraction);
      turns.push(turn);
    } else if (turns.length > 0) {
      const last = turns[turns.length - 1];
      last.text = last.text ? `${last.text}\n${line.trim()}` : line.trim();
    } else {
      return { ok: false, error: `line ${index + 1} has no speaker label (客户: / 坐席: / Customer: / Agent:)` };
    }
  }
  const spoken = turns.filter((turn) => turn.text.length > 0);
  if (spoken.length === 0) return { ok: false, error: 'has no turns' };
  return { ok: true, turns: spoken };
}

/** What the customer said: their turns, in order. */
export function customerWords(turns: readonly TranscriptTurn[]): string {
  return turns
    .filter((turn) => turn.speaker === 'customer')
    .map((turn) => turn.text)
    .join('\n');
}

function offsetMs(hours: string | undefined, minutes: string, seconds: string, fraction: string | undefined): number {
  const ms = fraction ? Number(fraction.padEnd(3, '0')) : 0;
  return ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + ms;
}
