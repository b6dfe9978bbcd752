import { TurnContext } from 'botbuilder';
import { PromptOptions, PromptRecognizerResult } from 'botbuilder-dialogs';
import { RightsIndex } from '../content/rightsIndex';
import { ButtonChoicePrompt } from './buttonChoicePrompt';
import { turnFacts } from './childProfile';

const ASKED = /^rights:(.+)$/;

/**
 * A button prompt that also understands a free-text question about rights ("can I go to school?", in the child's
 * language first), wherever buttons are shown: a child who types a question instead of tapping should get an
 * answer, not "I did not understand". A button or its number still wins; a question comes back as `rights:<topic>`.
 */
export class RightsQuestionPrompt extends ButtonChoicePrompt {
  constructor(
    id: string,
    private readonly rightsIndex: RightsIndex,
  ) {
    super(id);
  }

  /** The topic a prompt result asked about, or undefined when the child picked a button. */
  static askedTopic(result: unknown): string | undefined {
    return typeof result === 'string' ? ASKED.exec(result)?.[1] : undefined;
  }

  protected override async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
    const choice = await super.onRecognize(context, state, options);
    if (choice.succeeded) return choice;
    const topic = this.rightsIndex.match(context.activity.text ?? '', turnFacts(context).profile.language);
    return topic ? { succeeded: true, value: `rights:${topic}` } : choice;
  }
}
