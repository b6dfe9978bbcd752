import { ActionTypes, MessageFactory, TurnContext } from 'botbuilder';
import { DialogContext, Prompt, PromptOptions, PromptRecognizerResult } from 'botbuilder-dialogs';
import { Content } from '../content/loadContent';
import { turnFacts } from './childProfile';
import { contentWords } from './contentWords';
import { ChoiceOption, normaliseInput, recognizeChoice } from './recognizeChoice';

/** What a dialog passes when it asks a choice: the words are already in the child's language. */
export interface ButtonChoiceOptions {
  text: string;
  options: ChoiceOption[];
  retryText: string;
}

/** What a prompt keeps of its buttons in dialog state. */
interface StoredChoices {
  options: ChoiceOption[];
}

/**
 * A choice shown as buttons (suggested actions) and also accepted as a typed number or word in any of our
 * languages. botbuilder's ChoicePrompt only knows nine cultures and silently falls back for Thai, Khmer and the
 * rest, so recognition is ours. How buttons look on each channel is decided later, by the channel renderer.
 */
export class ButtonChoicePrompt extends Prompt<string> {
  /**
   * @param yesNoWords where given, a question whose options are exactly "yes" and "no" also takes the child's own
   *   yes and no words (`yesWords`, `noWords` in common.json: "没有了", "hindi po", "nope"), looked up in this content
   *   rather than stored with the prompt's state. Only a whole message counts: "no" is inside "know".
   */
  constructor(
    dialogId: string,
    private readonly yesNoWords?: Content,
  ) {
    super(dialogId);
  }

  /** Whether the choice prompt active in `dc` (if any) would take `text` as one of its options. */
  static accepts(dc: DialogContext, text: string): boolean {
    const active = dc.activeDialog;
    const prompt = active && dc.findDialog(active.id);
    if (!active || !(prompt instanceof ButtonChoicePrompt)) return false;
    const o = (active.state as { options?: PromptOptions }).options?.validations as StoredChoices | undefined;
    return !!o && prompt.recognize(dc.context, text, o.options) !== undefined;
  }

  private recognize(context: TurnContext, text: string, options: ChoiceOption[]): string | undefined {
    const found = recognizeChoice(text, options);
    if (found) return found.value;
    const values = options.map((o) => o.value);
    if (!this.yesNoWords || values.length !== 2 || !values.includes('yes') || !values.includes('no')) return undefined;
    const lng = turnFacts(context).profile.language ?? 'en';
    const input = normaliseInput(text);
    const yes = contentWords(this.yesNoWords, lng, 'yesWords').has(input);
    const no = contentWords(this.yesNoWords, lng, 'noWords').has(input);
    if (yes !== no) return yes ? 'yes' : 'no';
    return undefined;
  }

  /**
   * Packs our options into botbuilder's PromptOptions, which are persisted between turns: each text is stored
   * once (the prompt and retry texts in their own fields, the buttons in `validations`).
   */
  static ask(o: ButtonChoiceOptions): PromptOptions {
    const stored: StoredChoices = { options: o.options };
    return { prompt: o.text, retryPrompt: o.retryText, validations: stored };
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const o = options.validations as StoredChoices;
    const activity = MessageFactory.suggestedActions(
      o.options.map((c) => ({ type: ActionTypes.ImBack, title: c.title, value: c.title })),
      (isRetry ? options.retryPrompt : options.prompt) as string,
    );
    await context.sendActivity(activity);
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
    const o = options.validations as StoredChoices;
    const value = this.recognize(context, context.activity.text ?? '', o.options);
    return value !== undefined ? { succeeded: true, value } : { succeeded: false };
  }
}
