import { useEffect, useRef, useState } from 'preact/hooks';
import { Activity, isBot } from './activity';
import { Choices } from './choices';
import { Message } from './message';
import { Pictogram } from './pictograms';
import { UiText } from './uiText';

interface ChatProps {
  activities: Activity[];
  online: boolean;
  /** The last thing the child sent did not reach the server. */
  notSent: boolean;
  text: UiText;
  lang: string;
  /** Resolves false when the words did not reach the server. */
  onSend(words: string): Promise<boolean>;
}

/** The conversation: messages, the latest choices as buttons, and a box to type in. */
export function Chat({ activities, online, notSent, text, lang, onSend }: ChatProps) {
  const [draft, setDraft] = useState('');
  const end = useRef<HTMLLIElement>(null);
  const messages = activities.filter((a) => a.type === 'message' && (a.text || a.suggestedActions));
  const last = messages[messages.length - 1];
  const actions = last && isBot(last) ? (last.suggestedActions?.actions ?? []) : [];
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [messages.length]);
  return (
    <main class="chat">
      <p role="status" class="status">
        {notSent ? text.notSent : online ? '' : text.connecting}
      </p>
      <div class="log" role="log" aria-label={text.conversation}>
        <ol>
          {messages.map((a, i) => (
            <Message key={a.id ?? i} activity={a} text={text} uiLang={lang} />
          ))}
          <li ref={end} class="end" aria-hidden="true" />
        </ol>
      </div>
      {actions.length > 0 ? (
        <Choices actions={actions} label={text.choices} onChoose={(value) => void onSend(value)} />
      ) : null}
      <form
        class="composer"
        onSubmit={(e) => {
          e.preventDefault();
          const words = draft.trim();
          if (!words) return;
          setDraft('');
          // Words that did not reach the server come back into the box (unless the child already typed anew).
          void onSend(words).then((sent) => sent || setDraft((now) => now || words));
        }}
      >
        <label for="say" class="visually-hidden">
          {text.message}
        </label>
        <input
          id="say"
          type="text"
          autocomplete="off"
          autocapitalize="sentences"
          maxLength={4000}
          placeholder={text.message}
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" class="send" aria-label={text.send} title={text.send}>
          <Pictogram name="send" size={28} />
        </button>
      </form>
    </main>
  );
}
