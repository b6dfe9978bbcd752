import { useEffect, useRef } from 'preact/hooks';
import { CardAction } from './activity';
import { Pictogram } from './pictograms';

/**
 * The bot's suggested actions as big buttons: menu entries with their pictogram, languages in their own script
 * (with their `lang`, so the right font and voice are used). Focus moves to the first new choice when the child
 * chose with the keyboard, so keyboard use never loses its place.
 */
export function Choices({
  actions,
  label,
  onChoose,
}: {
  actions: CardAction[];
  label: string;
  onChoose(value: string): void;
}) {
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body) group.current?.querySelector('button')?.focus();
  }, [actions]);
  const menu = actions.some((a) => a.channelData?.heard?.menu);
  return (
    <div ref={group} role="group" aria-label={label} class={menu ? 'choices menu' : 'choices'}>
      {actions.map((action) => {
        const tag = action.channelData?.heard;
        return (
          <button
            key={action.title}
            type="button"
            class="choice"
            lang={tag?.lang}
            data-menu={tag?.menu}
            onClick={() => onChoose(String(action.value ?? action.title))}
          >
            {tag?.menu ? <Pictogram name={tag.menu} size={40} /> : null}
            <span>{action.title}</span>
          </button>
        );
      })}
    </div>
  );
}
