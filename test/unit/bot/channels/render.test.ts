import { ActionTypes, MessageFactory } from 'botbuilder';
import { renderForChannel, splitText } from '../../../../bot/channels/render';

const ask = () =>
  MessageFactory.suggestedActions(
    ['Know my rights', 'Make a complaint'].map((t) => ({ type: ActionTypes.ImBack, title: t, value: t })),
    'What would you like to do?',
  );

describe('renderForChannel', () => {
  it.each(['telegram', 'facebook', 'line', 'directline', 'emulator'])('keeps short suggested actions on %s', (channel) => {
    const [out] = renderForChannel(ask(), channel);
    expect(out.suggestedActions?.actions.map((a) => a.title)).toEqual(['Know my rights', 'Make a complaint']);
  });

  it.each(['facebook', 'line'])('on %s, numbers the buttons when a title is longer than the app shows', (channel) => {
    const long = MessageFactory.suggestedActions(['Yes', 'Tell us how it is here'], 'Pick one');
    const [out] = renderForChannel(long, channel);
    expect(out.text).toBe('Pick one\n\n1. Yes\n2. Tell us how it is here');
    expect(out.suggestedActions?.actions.map((a) => a.title)).toEqual(['1', '2']);
  });

  it('puts the choices on a hero card on msteams', () => {
    const [out] = renderForChannel(ask(), 'msteams');
    expect(out.suggestedActions).toBeUndefined();
    expect(out.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.hero');
    expect((out.attachments?.[0].content as { buttons: { title: string }[] }).buttons.map((b) => b.title)).toEqual(['Know my rights', 'Make a complaint']);
  });

  it('writes the choices as numbered lines on sms, and on a channel it does not know', () => {
    for (const channel of ['sms', 'somethingnew']) {
      const [out] = renderForChannel(ask(), channel);
      expect(out.suggestedActions).toBeUndefined();
      expect(out.text).toBe('What would you like to do?\n\n1. Know my rights\n2. Make a complaint');
    }
  });

  it("splits long text at Telegram's 4096 characters, keeping buttons on the last part", () => {
    const long = MessageFactory.suggestedActions(['OK'], `${'A sentence here. '.repeat(400)}`);
    const parts = renderForChannel(long, 'telegram');
    expect(parts.length).toBe(2);
    expect(parts.every((p) => (p.text ?? '').length <= 4096)).toBe(true);
    expect(parts[0].suggestedActions).toBeUndefined();
    expect(parts[1].suggestedActions?.actions).toHaveLength(1);
  });
});

describe('splitText', () => {
  it('prefers paragraph breaks and never exceeds the limit', () => {
    const text = `${'a'.repeat(100)}\n\n${'b'.repeat(100)}`;
    expect(splitText(text, 150)).toEqual(['a'.repeat(100), 'b'.repeat(100)]);
    expect(splitText('x'.repeat(350), 100).map((p) => p.length)).toEqual([100, 100, 100, 50]);
  });
});
