import { BotFrameworkClient, ReplyActivity, buttons, texts } from '../../support/botFrameworkClient';
import { RunningApp, startTestApp } from '../../support/testApp';

async function onboarded(url: string, language: string, age = '2'): Promise<BotFrameworkClient> {
  const child = new BotFrameworkClient(url);
  await child.send('hi');
  await child.send(language);
  await child.send(age);
  return child;
}

const said = (replies: ReplyActivity[]) => texts(replies).join('\n');

describe('what a child can do from the menu', () => {
  let running: RunningApp;
  beforeAll(async () => {
    // These flows are about the dialogs; what screening flags is tested with the real rules in safeguarding tests.
    running = await startTestApp({ SPOOL_DIR: `/tmp/heard-test-spool-${process.pid}` }, { screen: () => ({ risk: 'none', categories: [], reasons: [] }) });
  });
  afterAll(() => running.stop());

  it.each([
    ['English', 'Make a complaint', 'Food', 'There is never enough rice at dinner', 'Yes', /3 working days/, 'received, waiting to be read'],
    ['ไทย', 'ร้องเรียน', 'อาหาร', 'ข้าวเย็นไม่พอทุกวัน', 'อยาก', /3 วันทำการ/, 'ได้รับแล้ว รออ่าน'],
    ['ភាសាខ្មែរ', 'ដាក់ពាក្យបណ្ដឹង', 'អាហារ', 'អាហារពេលល្ងាចមិនគ្រប់គ្រាន់ទេ', 'ចង់', /៣|3/, 'បានទទួលហើយ កំពុងរង់ចាំគេអាន'],
  ])('files a complaint in %s, gives a receipt code, and the code shows its status', async (lng, menuEntry, topic, what, reply, deadline, statusWords) => {
    const child = await onboarded(running.url, lng);
    const intro = await child.send(menuEntry);
    expect(said(intro)).toMatch(/independent|อิสระ|ឯករាជ្យ/);
    await child.send('1');
    await child.send(topic);
    await child.send(what);
    const filed = await child.send(reply);
    const code = /\d{4}-\d{4}-\d{4}/.exec(said(filed))?.[0];
    expect(code).toBeDefined();
    expect(said(filed)).toMatch(deadline);

    const [report] = await running.heard.stores.reports.list({});
    expect(report.kind).toBe('complaint');
    expect(report.topic).toBe('food');
    expect(report.wantsReply).toBe(true);
    expect(report.redactedText).toBe(what);

    await child.send('5');
    const status = await child.send(code!.replace(/-/g, ' '));
    expect(said(status)).toContain(statusWords);
    await running.heard.stores.reports.update(report.id, (r) => ({ ...r, notes: [{ at: r.createdAt, actor: 'staff', kind: 'reply', text: 'Thank you, we will check the kitchen.' }] }));
  });

  it.each([
    ['zh-Hans', '沒有了', '我不知道怎么说', /没看懂/], // typed in traditional characters
    ['English', 'nope', 'i dont know', /did not understand/],
    ['fil', 'hindi po', 'di ko alam', /naintindihan/i],
  ])('at a yes/no question takes the child\u2019s own "no" in %s, but never a word inside a sentence', async (lng, no, sentence, notUnderstood) => {
    const child = await onboarded(running.url, lng);
    const offer = await child.send('4'); // "I need help now": the helpline, then "tell us what happened?" yes/no
    expect(buttons(offer)).toHaveLength(2);
    const unsure = await child.send(sentence);
    expect(said(unsure)).toMatch(notUnderstood);
    expect(buttons(unsure)).toEqual(buttons(offer));
    const answered = await child.send(no);
    expect(said(answered)).not.toMatch(notUnderstood);
    expect(buttons(answered)).not.toEqual(buttons(offer));
  });

  it('answers a wrong receipt code the same way whether or not it exists', async () => {
    const child = await onboarded(running.url, 'English');
    await child.send('Check my report');
    const wrong = await child.send('0000-0000-0000');
    expect(said(wrong)).toMatch(/could not find/);
    await child.send('5');
    const malformed = await child.send('12345');
    expect(said(malformed)).toMatch(/12 digits/);
  });

  it('browses rights by group and topic at the young reading level, ending with a helpline', async () => {
    const child = await onboarded(running.url, 'English', '1');
    const groups = await child.send('Know my rights');
    expect(buttons(groups)).toContain('How you should be treated');
    const topics = await child.send('1');
    expect(buttons(topics)).toContain('Nobody locks you up');
    const text = await child.send('Nobody locks you up');
    expect(said(text)).toMatch(/Nobody should lock you up/);
    expect(said(text)).toMatch(/1387/);
    expect(buttons(text)).toEqual(['Yes', 'Not really']);
  });

  it.each([
    ['ไทย', 'สิทธิของหนูมีอะไรบ้าง', 'How you should be treated'],
    ['ไทย', 'หนูมีสิทธิ์ไปโรงเรียนไหม', 'education'],
    ['ភាសាខ្មែរ', 'តើខ្ញុំមានសិទ្ធិអ្វីខ្លះ?', 'general'],
  ])('understands a rights question typed in %s: %s', async (lng, question, expected) => {
    const child = await onboarded(running.url, lng);
    const answer = await child.send(question);
    if (expected === 'education') expect(said(answer)).toContain(running.heard.content.t('th', 'rights')('topics.education.teen'));
    else {
      const code = lng === 'ไทย' ? 'th' : 'km';
      expect(buttons(answer)).toContain(running.heard.content.t(code, 'rights')('groups.principles.title'));
    }
  });

  it('answers a rights question typed instead of tapping a group or a topic', async () => {
    const khmer = running.heard.content.t('km', 'rights');
    const child = await onboarded(running.url, 'ភាសាខ្មែរ');
    const groups = await child.send('ដឹងពីសិទ្ធិរបស់ខ្ញុំ');
    expect(buttons(groups)).toContain(khmer('groups.principles.title'));
    const atGroups = await child.send('ខ្ញុំមានសិទ្ធិទៅរៀនទេ?');
    expect(said(atGroups)).toContain(khmer('topics.education.teen'));

    const thai = running.heard.content.t('th', 'rights');
    const other = await onboarded(running.url, 'ไทย');
    await other.send('รู้สิทธิของฉัน');
    const topics = await other.send('1');
    expect(buttons(topics)).toContain(thai('topics.noDetention.title'));
    const atTopics = await other.send('หนูมีสิทธิ์ไปโรงเรียนไหม');
    expect(said(atTopics)).toContain(thai('topics.education.teen'));
  });
});

describe('the views survey', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({ SPOOL_DIR: `/tmp/heard-test-spool-${process.pid}-survey` }, { screen: () => ({ risk: 'none', categories: [], reasons: [] }) });
  });
  afterAll(() => running.stop());

  it.each([
    ['English', 'Tell us how it is here', 'Demo children’s home', /Do you feel safe|How safe|Can you go|How free|grown-ups|staff|rights|family|school|food|sick|rules|private|privacy|future|sad|feel bad/, 'No, I\'m done', /Thank you!/],
    ['ไทย', 'เล่าให้ฟังว่าที่นี่เป็นยังไง', 'Demo children’s home', /\?|ไหม|แค่ไหน|ยังไง/, 'ไม่มี เสร็จแล้ว', /ขอบคุณมาก/],
    ['ភាសាខ្មែរ', 'ប្រាប់ពីជីវិតនៅទីនេះ', 'Demo children’s home', /[\u1780-\u17FF]/, 'អត់ទេ ខ្ញុំរួចហើយ', /អរគុណ/],
  ])('in %s: picks the home, asks four questions as faces, and keeps only counts', async (lng, entry, home, questionPattern, noComment, thanks) => {
    const before = await running.heard.stores.views.counts(new Date().toISOString().slice(0, 7), 'demo-facility');
    const child = await onboarded(running.url, lng);
    const pick = await child.send(entry);
    expect(buttons(pick)).toContain(home);
    let question = await child.send(home);
    for (let i = 1; i <= 4; i++) {
      expect(said(question)).toContain(`${i}/4.`);
      expect(said(question)).toMatch(questionPattern);
      expect(buttons(question)).toHaveLength(6);
      question = await child.send(i === 2 ? buttons(question)[5] : String(i)); // a face by number, once "don't want to say"
    }
    const done = await child.send(noComment);
    expect(said(done)).toMatch(thanks);
    const after = await running.heard.stores.views.counts(new Date().toISOString().slice(0, 7), 'demo-facility');
    const total = (cells: typeof after) => cells.reduce((n, c) => n + Object.values(c.counts).reduce((a, b) => a + b, 0), 0);
    expect(total(after) - total(before)).toBe(4);
  });

  it('files a survey comment for the monitoring team and does not ask for the home twice', async () => {
    const child = await onboarded(running.url, 'English');
    await child.send('Tell us how it is here');
    await child.send("I don't want to say");
    for (let i = 0; i < 4; i++) await child.send('3');
    await child.send('Yes, write something');
    const thanks = await child.send('We would like more football time');
    expect(said(thanks)).toMatch(/monitoring team will read it/);
    const comments = await running.heard.stores.reports.list({ category: 'survey_comment' });
    expect(comments.some((r) => r.redactedText === 'We would like more football time')).toBe(true);
    const again = await child.send('Tell us how it is here');
    expect(said(again)).toMatch(/1\/4\./);
  });
});
