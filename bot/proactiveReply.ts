import { CloudAdapter, ConversationReference } from 'botbuilder';
import { Content } from '../content/loadContent';
import { Note, Report } from '../core/cases/types';
import { TextSealer } from '../core/privacy/textSealer';

/** Channels where a conversation can be reached again later; a kiosk conversation is wiped when the child leaves. */
const REACHABLE = new Set(['telegram', 'facebook', 'line', 'msteams', 'sms', 'emulator', 'webchat']);

/**
 * Sends a staff reply on the child's channel, through the conversation reference stored (sealed) with the report
 * only when the child asked for a reply. Returns whether it was sent; the child can always read it with the code.
 */
export function proactiveReplier(adapter: CloudAdapter, appId: string | undefined, sealer: TextSealer, content: Content) {
  return async (report: Report, note: Note): Promise<boolean> => {
    if (!report.wantsReply || !report.conversationRef || !REACHABLE.has(report.channelId)) return false;
    const reference = JSON.parse(sealer.open(report.conversationRef, `ref:${report.id}`)) as Partial<ConversationReference>;
    const t = content.t(report.locale, 'report');
    await adapter.continueConversationAsync(appId ?? '', reference, async (context) => {
      await context.sendActivity({ type: 'message', text: t('replyArrived', { text: note.text }), locale: report.locale });
    });
    return true;
  };
}
