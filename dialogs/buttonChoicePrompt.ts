import { ActionTypes, MessageFactory, TurnContext } from 'botbuilder';
import { DialogContext, Prompt, PromptOptions, PromptRecognizerResult } from 'botbuilder-dialogs';
import { ChoiceOption, recognizeChoice } from './recognizeChoice';

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
  constructor(dialogId: string) {
    super(dialogId);
  }

  /** Whether the choice prompt active in `dc` (if any) would take `text` as one of its options. */
  static accepts(dc: DialogContext, text: string): boolean {
    const active = dc.activeDialog;
    if (!active || !(dc.findDialog(active.id) instanceof ButtonChoicePrompt)) return false;
    const o = (active.state as { options?: PromptOptions }).options?.validations as StoredChoices | undefined;
    return !!o && recognizeChoice(text, o.options) !== undefined;
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
    const found = recognizeChoice(context.activity.text ?? '', o.options);
    return found ? { succeeded: true, value: found.value } : { succeeded: false };
  }
}
