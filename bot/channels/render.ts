import { ActionTypes, Activity, ActivityTypes, CardFactory, CardAction } from 'botbuilder';

/** What a channel can show, from Bot Framework's channel documentation and what we tried. */
interface ChannelCapabilities {
  /** Suggested actions (quick replies) appear as buttons. */
  suggestedActions: boolean;
  /** Hero cards with buttons appear. */
  heroCards: boolean;
  /** Longest text one message may carry. */
  maxText: number;
  /** Limits of quick replies where the app cuts them (Messenger and LINE: 13 buttons, 20 characters). */
  maxActions?: number;
  maxActionTitle?: number;
}

const CAPABILITIES: Record<string, ChannelCapabilities> = {
  directline: { suggestedActions: true, heroCards: true, maxText: 8000 },
  webchat: { suggestedActions: true, heroCards: true, maxText: 8000 },
  emulator: { suggestedActions: true, heroCards: true, maxText: 8000 },
  telegram: { suggestedActions: true, heroCards: true, maxText: 4096 },
  facebook: { suggestedActions: true, heroCards: true, maxText: 2000, maxActions: 13, maxActionTitle: 20 },
  line: { suggestedActions: true, heroCards: true, maxText: 5000, maxActions: 13, maxActionTitle: 20 },
  // Teams shows no suggested actions in most contexts: buttons go on a hero card.
  msteams: { suggestedActions: false, heroCards: true, maxText: 28000 },
  // SMS shows no buttons at all: choices become numbered lines. Twilio joins up to 10 segments (1600 chars).
  sms: { suggestedActions: false, heroCards: false, maxText: 1600 },
};
const UNKNOWN: ChannelCapabilities = { suggestedActions: false, heroCards: false, maxText: 1600 };

export function capabilitiesOf(channelId: string): ChannelCapabilities {
  return CAPABILITIES[channelId] ?? UNKNOWN;
}

/**
 * Turns what dialogs send (text and suggested actions, never channel-specific) into what the channel shows:
 * suggested actions where they work, a hero card where only cards work, numbered lines where nothing does; and
 * splits long text at the channel's limit, at a paragraph or sentence break where possible.
 */
export function renderForChannel(activity: Partial<Activity>, channelId: string): Partial<Activity>[] {
  if (activity.type !== ActivityTypes.Message) return [activity];
  const caps = capabilitiesOf(channelId);
  const actions: CardAction[] = activity.suggestedActions?.actions ?? [];
  let text = activity.text ?? '';
  const last: Partial<Activity> = { ...activity };
  if (actions.length > 0 && caps.suggestedActions && !fits(actions, caps)) {
    // The app would cut the titles: write them as numbered lines and make the buttons their numbers.
    text = numbered(text, actions);
    last.suggestedActions = { ...activity.suggestedActions!, actions: actions.map((_a, i) => ({ type: ActionTypes.ImBack, title: String(i + 1), value: String(i + 1) })) };
  } else if (actions.length > 0 && !caps.suggestedActions) {
    delete last.suggestedActions;
    if (caps.heroCards) {
      last.attachments = [...(activity.attachments ?? []), CardFactory.heroCard('', undefined, actions.map((a) => ({ ...a, type: ActionTypes.ImBack })))];
    } else {
      text = numbered(text, actions);
    }
  }
  const parts = splitText(text, caps.maxText);
  // Buttons and cards belong with the last part, right where the child answers.
  return parts.map((part, i) => (i === parts.length - 1 ? { ...last, text: part } : { ...activity, text: part, suggestedActions: undefined, attachments: undefined }));
}

function fits(actions: CardAction[], caps: ChannelCapabilities): boolean {
  return actions.length <= (caps.maxActions ?? Infinity) && actions.every((a) => [...(a.title ?? '')].length <= (caps.maxActionTitle ?? Infinity));
}

function numbered(text: string, actions: CardAction[]): string {
  return `${text}\n\n${actions.map((a, i) => `${i + 1}. ${a.title}`).join('\n')}`.trim();
}

/** Splits text into pieces no longer than `max`, preferring paragraph, then line, then sentence, then word breaks. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), sentenceEnd(window), window.lastIndexOf(' ')].find((i) => i > max / 3) ?? max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

function sentenceEnd(window: string): number {
  const matches = [...window.matchAll(/[.!?។။।。]\s/gu)];
  const last = matches[matches.length - 1];
  return last?.index !== undefined ? last.index + 1 : -1;
}
