import { Activity, CardAction } from 'botbuilder';
import { Content } from '../../../content/loadContent';
import { MENU_ENTRIES } from '../../../dialogs/mainMenuDialog';

/** What the kiosk page learns about a button: the menu entry it stands for (a pictogram) or the language it names. */
export type ChoiceTag = { menu: string } | { lang: string };

/**
 * Tags the bot's buttons for the kiosk page. The bot sends translated titles only, so entries are recognised by
 * their title in any of our languages: menu entries get a pictogram, language names their `lang`.
 */
export function kioskChoiceTags(content: Content): (activity: Partial<Activity>) => Partial<Activity> {
  const tags = new Map<string, ChoiceTag>();
  for (const lng of content.languages) {
    const t = content.t(lng);
    for (const entry of [...MENU_ENTRIES, 'back'] as const)
      tags.set(t(entry === 'back' ? 'back' : `menu.${entry}`), { menu: entry });
    tags.set(content.meta[lng].name, { lang: lng });
  }
  return (activity) => {
    const actions = activity.suggestedActions?.actions;
    if (!actions?.some((a) => tags.has(a.title))) return activity;
    const tagged = actions.map((a): CardAction => {
      const tag = tags.get(a.title);
      return tag ? { ...a, channelData: { ...(a.channelData as object | undefined), heard: tag } } : a;
    });
    return { ...activity, suggestedActions: { ...activity.suggestedActions!, actions: tagged } };
  };
}
