import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { Activity, isBot } from './activity';
import { Chat } from './chat';
import { enrol, forgetDeviceKey, readDeviceKey, takeEnrolmentCode } from './deviceKey';
import { Conversation, DeviceRefused } from './directLine';
import { IdleDialog } from './idleDialog';
import { Pictogram } from './pictograms';
import { IdleSettings } from './settings';
import { stopSpeaking } from './speech';
import { uiText } from './uiText';
import { useIdle } from './useIdle';

type Phase = 'enrolling' | 'connecting' | 'chat' | 'notSetUp';

/** An untouched conversation is replaced now and then, so a waiting tablet never holds one the server has dropped. */
const UNTOUCHED_MS = 20 * 60_000;
export const NEUTRAL_PAGE = '/kiosk/neutral.html';

/** The kiosk: set up the tablet once, then one conversation after another, each wiped when left. */
export function Kiosk({ idle }: { idle: IdleSettings }) {
  const [phase, setPhase] = useState<Phase>('connecting');
  const [activities, setActivities] = useState<Activity[]>([]);
  const [online, setOnline] = useState(false);
  const [notSent, setNotSent] = useState(false);
  const conversation = useRef<Conversation | undefined>(undefined);
  const generation = useRef(0);
  const retry = useRef<number | undefined>(undefined);

  // The conversation's language is the bot's latest; the page's own words follow it where they exist.
  const talking = [...activities].reverse().find((a) => isBot(a) && a.locale)?.locale ?? navigator.language;
  const { text, lang } = uiText(talking);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  /** Wipes the screen and starts a new conversation (a new id, a new user id on the server). */
  const begin = useCallback(async () => {
    const mine = ++generation.current;
    window.clearTimeout(retry.current);
    stopSpeaking();
    conversation.current?.close();
    conversation.current = undefined;
    setActivities([]);
    setOnline(false);
    setNotSent(false);
    const key = readDeviceKey();
    if (!key) return setPhase('notSetUp');
    setPhase('connecting');
    const current = () => mine === generation.current;
    try {
      const started = await Conversation.start(key, navigator.language, {
        activities: (incoming) =>
          current() &&
          setActivities((shown) => [...shown, ...incoming.filter((a) => !shown.some((s) => s.id === a.id))]),
        connected: (up) => current() && setOnline(up),
        failed: () => current() && void begin(),
      });
      if (!current()) return started.end();
      conversation.current = started;
      setPhase('chat');
    } catch (err) {
      if (!current()) return;
      if (err instanceof DeviceRefused) {
        forgetDeviceKey();
        return setPhase('notSetUp');
      }
      retry.current = window.setTimeout(() => void begin(), 5000);
    }
  }, []);

  useEffect(() => {
    void (async () => {
      const code = takeEnrolmentCode();
      if (code) {
        setPhase('enrolling');
        await enrol(code).catch(() => false);
      }
      await begin();
    })();
    return () => conversation.current?.close();
  }, [begin]);

  const wipe = () => {
    conversation.current?.end();
    void begin();
  };
  const { warning, stillHere } = useIdle(idle, phase === 'chat', wipe);
  useEffect(() => {
    if (phase !== 'chat' || activities.some((a) => !isBot(a))) return;
    const t = window.setTimeout(() => void begin(), UNTOUCHED_MS);
    return () => window.clearTimeout(t);
  }, [phase, activities, begin]);

  const quickExit = () => {
    generation.current++;
    stopSpeaking();
    conversation.current?.end();
    setActivities([]);
    // Replaces this page in history: Back does not come back to the chat.
    location.replace(NEUTRAL_PAGE);
  };
  /**
   * Sends what the child typed or tapped. Nothing is shown as said until the server echoes it, so a failed send
   * must say so: the status line tells the child, and the composer gets the words back (see Chat).
   */
  const send = async (words: string): Promise<boolean> => {
    const sending = conversation.current;
    if (!sending) return false;
    try {
      await sending.send(words, talking);
      if (sending === conversation.current) setNotSent(false);
      return true;
    } catch {
      if (sending === conversation.current) setNotSent(true);
      return false;
    }
  };

  return (
    <div class="kiosk">
      <header class="bar">
        <h1 class="visually-hidden">heard</h1>
        {phase === 'chat' ? (
          <button type="button" class="globe" onClick={() => void send('🌐')}>
            <Pictogram name="language" size={28} />
            <span>{text.language}</span>
          </button>
        ) : null}
        <button type="button" class="exit" onClick={quickExit}>
          <Pictogram name="exit" size={28} />
          <span>{text.quickExit}</span>
        </button>
      </header>
      {phase === 'chat' ? (
        <Chat activities={activities} online={online} notSent={notSent} text={text} lang={lang} onSend={send} />
      ) : (
        <main class="notice">
          <p role="status">
            {phase === 'notSetUp' ? text.notSetUp : phase === 'enrolling' ? text.settingUp : text.connecting}
          </p>
        </main>
      )}
      {warning ? <IdleDialog text={text} lang={lang} onStay={stillHere} onExit={quickExit} /> : null}
    </div>
  );
}
