import { Activity, isBot } from './activity';
import { Pictogram } from './pictograms';
import { canSpeak, speak } from './speech';
import { UiText } from './uiText';

/** One message, marked with the language it is in; the bot's can be read aloud. */
export function Message({ activity, text, uiLang }: { activity: Activity; text: UiText; uiLang: string }) {
  const bot = isBot(activity);
  const words = activity.text ?? '';
  return (
    <li class={bot ? 'msg bot' : 'msg you'} lang={activity.locale ?? uiLang}>
      <span class="visually-hidden" lang={uiLang}>
        {bot ? text.bot : text.you}:
      </span>{' '}
      <span class="words">{words}</span>
      {bot && canSpeak && words ? (
        <button
          type="button"
          class="speak"
          lang={uiLang}
          aria-label={text.readAloud}
          title={text.readAloud}
          onClick={() => speak(words, activity.locale)}
        >
          <Pictogram name="speaker" size={26} />
        </button>
      ) : null}
    </li>
  );
}
