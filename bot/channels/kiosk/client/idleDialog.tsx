import { useEffect, useRef } from 'preact/hooks';
import { Pictogram } from './pictograms';
import { UiText } from './uiText';

/**
 * The warning before the screen is wiped: a modal dialog that keeps the chat, and (the page behind being inert
 * meanwhile) quick exit of its own.
 */
export function IdleDialog({
  text,
  lang,
  onStay,
  onExit,
}: {
  text: UiText;
  lang: string;
  onStay(): void;
  onExit(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="idle"
      lang={lang}
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      onCancel={(e) => {
        e.preventDefault();
        onStay();
      }}
    >
      <h2 id="idle-title">{text.stillThereTitle}</h2>
      <p id="idle-text">{text.stillThereText}</p>
      <button type="button" class="primary" onClick={onStay}>
        {text.stillHere}
      </button>
      <button type="button" class="exit" onClick={onExit}>
        <Pictogram name="exit" size={28} />
        <span>{text.quickExit}</span>
      </button>
    </dialog>
  );
}
