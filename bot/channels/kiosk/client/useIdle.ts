import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { IdleSettings } from './settings';

const TOUCHES = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * The idle timer: from the first touch of a conversation, a warning after `warnMs` without a touch and `onIdle`
 * after `idleMs`. Nothing runs before the first touch, so an untouched greeting is not wiped and restarted forever.
 */
export function useIdle(
  settings: IdleSettings,
  enabled: boolean,
  onIdle: () => void,
): { warning: boolean; stillHere(): void } {
  const [warning, setWarning] = useState(false);
  const timers = useRef<number[]>([]);
  const latest = useRef(onIdle);
  latest.current = onIdle;

  const clear = () => {
    timers.current.forEach((t) => window.clearTimeout(t));
    timers.current = [];
  };
  const touch = useCallback(() => {
    clear();
    setWarning(false);
    timers.current = [
      window.setTimeout(() => setWarning(true), settings.warnMs),
      window.setTimeout(() => {
        clear();
        setWarning(false);
        latest.current();
      }, settings.idleMs),
    ];
  }, [settings.warnMs, settings.idleMs]);

  useEffect(() => {
    if (!enabled) return;
    for (const type of TOUCHES) document.addEventListener(type, touch, { passive: true, capture: true });
    return () => {
      for (const type of TOUCHES) document.removeEventListener(type, touch, { capture: true });
      clear();
      setWarning(false);
    };
  }, [enabled, touch]);

  return { warning, stillHere: touch };
}
