/** What the bot answered to one message: its texts and the titles of the buttons it offered. */
export interface Reply {
  texts: string[];
  buttons: string[];
}

/** One simulated child's conversation over some channel; each call is one turn, timed under its step name. */
export interface ChildChannel {
  /** Opens the conversation and returns the bot's first question (the languages). */
  begin(hello: string): Promise<Reply>;
  say(step: string, text: string): Promise<Reply>;
}

/** A turn whose answer was not what the flow expects at that step (the flow is abandoned and counted). */
export class FlowError extends Error {
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(`${step}: ${message}`);
    this.name = new.target.name;
  }
}

interface ActivityLike {
  type?: string;
  text?: string;
  from?: { role?: string };
  suggestedActions?: { actions?: { title?: string }[] };
}

export function toReply(activities: ActivityLike[]): Reply {
  const messages = activities.filter((a) => a.type === 'message');
  return {
    texts: messages.map((a) => a.text ?? ''),
    buttons: messages.flatMap((a) => a.suggestedActions?.actions?.map((x) => x.title ?? '') ?? []),
  };
}
