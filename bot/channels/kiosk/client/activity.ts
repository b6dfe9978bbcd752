/** What the kiosk reads of a Direct Line activity. */
export interface CardAction {
  type: string;
  title: string;
  value?: unknown;
  /** Set by our server: the menu entry a button stands for, or the language it names. */
  channelData?: { heard?: { menu?: string; lang?: string } };
}

export interface Activity {
  id?: string;
  type: string;
  text?: string;
  locale?: string;
  from: { id: string; role?: string };
  suggestedActions?: { actions: CardAction[] };
}

export const isBot = (a: Activity) => a.from.role === 'bot';
