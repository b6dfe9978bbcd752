import { TextPrompt } from 'botbuilder-dialogs';

/**
 * A prompt whose answer becomes the text of a report (a complaint, "tell us more", a survey comment). When one is
 * waiting, the bot does not file screening's concern itself: the dialog files one report with the screened risk,
 * so a child's words are never filed twice or swallowed by an interruption.
 */
export class ReportTextPrompt extends TextPrompt {}
