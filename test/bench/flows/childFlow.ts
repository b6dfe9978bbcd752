import { ChildChannel, FlowError, Reply } from './child';
import { FlowLanguage } from './languages';

/** What one simulated child will do. */
export interface FlowPlan {
  lang: FlowLanguage;
  /** A text the rules flag, typed in the middle of the survey (about 5% of children). */
  disclosure?: string;
  /** The home's name as the survey lists it. */
  facilityName: string;
  random: () => number;
  /** True once the measurement is over: the flow stops before its next turn. */
  stopped: () => boolean;
  /** Waits before turn number `turn` (0 is the greeting): the child reading and typing. */
  beforeTurn?: (turn: number) => Promise<void>;
}

const MENU = { rights: 0, views: 1, complaint: 2, help: 3, check: 4 } as const;
const MENU_SIZE = 5;
const SURVEY_QUESTIONS = 4;
const FACES = 6;
const RECEIPT = /\p{Nd}{4}-\p{Nd}{4}-\p{Nd}{4}/u;

/** The measurement ended in the middle of this child's visit: not an error. */
export class FlowStopped extends Error {
  constructor() {
    super('stopped');
    this.name = new.target.name;
  }
}

function need(step: string, reply: Reply, check: boolean, what: string): Reply {
  if (!check) throw new FlowError(step, `expected ${what}; got ${JSON.stringify(reply).slice(0, 300)}`);
  return reply;
}

const buttons = (step: string, reply: Reply, n: number) =>
  need(step, reply, reply.buttons.length === n, `${n} buttons`);
const atLeast = (step: string, reply: Reply, n: number) =>
  need(step, reply, reply.buttons.length >= n, `at least ${n} buttons`);
const last = (list: string[]) => list[list.length - 1];
const pick = (list: string[], random: () => number) => list[Math.floor(random() * list.length)];

/**
 * One child's whole visit, as the issue describes it: onboarding → a rights question → the views survey → a
 * complaint → checking that report with its receipt code. Buttons are tapped by position (their titles are in
 * the child's language); every answer is checked, so a broken flow is counted as an error rather than timed.
 */
export async function childFlow(child: ChildChannel, plan: FlowPlan): Promise<number> {
  const { lang, random } = plan;
  let turns = 0;
  const say = async (step: string, text: string) => {
    await plan.beforeTurn?.(turns);
    if (plan.stopped()) throw new FlowStopped();
    const reply = await child.say(step, text).catch((err: Error) => {
      throw new FlowError(step, err.message);
    });
    turns++;
    return reply;
  };

  await plan.beforeTurn?.(0);
  if (plan.stopped()) throw new FlowStopped();
  const languages = await child.begin(lang.hello).catch((err: Error) => {
    throw new FlowError('greet', err.message);
  });
  turns++;
  need('greet', languages, languages.buttons.includes(lang.button), `a "${lang.button}" button`);
  const age = buttons('language', await say('language', lang.button), 3);
  const menu = buttons('age', await say('age', age.buttons[1]), MENU_SIZE).buttons;

  const groups = atLeast('rights_question', await say('rights_question', lang.rightsQuestion), 3);
  const topics = atLeast('rights_group', await say('rights_group', groups.buttons[0]), 3);
  const helped = buttons(
    'rights_topic',
    await say('rights_topic', pick(topics.buttons.slice(0, -1), random)),
    2,
  );
  const next = buttons('rights_helped', await say('rights_helped', helped.buttons[0]), 2);
  buttons('rights_back', await say('rights_back', last(next.buttons)), MENU_SIZE);

  let question = await say('survey_start', menu[MENU.views]);
  // Which home: the bench's when listed (the admin API created it), else the last button, "I don't want to say".
  if (question.buttons.length !== FACES || !question.texts.some((t) => t.includes('1/4'))) {
    question = await say(
      'survey_home',
      question.buttons.includes(plan.facilityName)
        ? plan.facilityName
        : last(atLeast('survey_start', question, 2).buttons),
    );
  }
  for (let i = 1; i <= SURVEY_QUESTIONS; i++) {
    buttons('survey_question', question, FACES);
    if (plan.disclosure && i === 2) {
      const helped = await say('concern', plan.disclosure);
      need(
        'concern',
        helped,
        helped.texts.some((t) => RECEIPT.test(t)),
        'a receipt code for the concern',
      );
      question = buttons(
        'concern_go_on',
        await say('concern_go_on', last(buttons('concern', helped, 2).buttons)),
        FACES,
      );
    }
    question = await say('survey_answer', question.buttons[Math.floor(random() * FACES)]);
  }
  const more = buttons('survey_answer', question, 2);
  buttons('survey_done', await say('survey_done', last(more.buttons)), MENU_SIZE);

  const intro = buttons('complaint_start', await say('complaint_start', menu[MENU.complaint]), 2);
  const topicsAsked = atLeast('complaint_confirm', await say('complaint_confirm', intro.buttons[0]), 4);
  buttons('complaint_topic', await say('complaint_topic', topicsAsked.buttons[3]), 0);
  const wantsReply = buttons('complaint_text', await say('complaint_text', lang.complaint), 2);
  const filed = buttons('complaint_filed', await say('complaint_filed', wantsReply.buttons[0]), MENU_SIZE);
  const code = filed.texts.map((t) => RECEIPT.exec(t)?.[0]).find(Boolean);
  if (!code) throw new FlowError('complaint_filed', 'no receipt code');

  buttons('check_start', await say('check_start', menu[MENU.check]), 0);
  const status = buttons('check_code', await say('check_code', code), MENU_SIZE);
  need('check_code', status, status.texts.length >= 2, 'the report status and the menu');
  return turns;
}
