import { seededRandom, sleep } from './closedLoop';
import { HttpClient } from './httpClient';
import { Recorder } from './latency';
import { MeasureOptions } from './measure';
import { ChildChannel } from './flows/child';
import { childFlow } from './flows/childFlow';
import { messageActivity } from './flows/botFrameworkChild';
import { DisclosureTexts, FLOW_LANGUAGES } from './flows/languages';

type Iteration = MeasureOptions['iteration'];

/** One message to a floor server (echo bot or bare express), answered in the response. */
export function floorIteration(http: HttpClient): Iteration {
  return async (recorder, worker) => {
    const started = performance.now();
    const body = await http.json<{ activities?: { text?: string }[] }>(
      'POST',
      '/api/messages',
      messageActivity(`floor-${worker}`, `user-${worker}`, 'hello there', 'telegram'),
    );
    if (!body?.activities?.some((a) => a.text?.startsWith('echo')))
      throw new Error(`no echo in ${JSON.stringify(body).slice(0, 200)}`);
    recorder.record('message', started);
  };
}

export interface FlowSetup {
  texts: DisclosureTexts;
  facilityName: string;
  disclosureRate: number;
  seed: number;
  /** A child's pause before each message (reading, then tapping or typing); none for a saturating load. */
  think?: { minMs: number; maxMs: number };
}

/** Turns in one child's visit, about: a worker's first child skips ahead up to this many without thinking. */
const TURNS_PER_VISIT = 23;

/**
 * One new child per iteration, through the whole flow, in a language chosen at random; about `disclosureRate` of
 * them disclose a concern (a text the rules flag in their language) in the middle of the survey. With think time,
 * each worker's first child hurries through a random number of its first turns (during warm-up), so that when the
 * window opens the children are spread over every step as in a service that has been up for a while.
 */
export function flowIteration(setup: FlowSetup, channel: (recorder: Recorder) => ChildChannel): Iteration {
  const generators = new Map<number, () => number>();
  return async (recorder, worker, stopped) => {
    let random = generators.get(worker);
    const first = !random;
    if (!random) generators.set(worker, (random = seededRandom(setup.seed * 1000 + worker)));
    const lang = FLOW_LANGUAGES[Math.floor(random() * FLOW_LANGUAGES.length)];
    const concerns = setup.texts.concerns.get(lang.code) ?? [];
    const disclosure =
      random() < setup.disclosureRate ? concerns[Math.floor(random() * concerns.length)] : undefined;
    const think = setup.think;
    const hurry = first ? Math.floor(random() * TURNS_PER_VISIT) : 0;
    const pick = random;
    const beforeTurn = think
      ? (turn: number) =>
          turn < hurry ? Promise.resolve() : sleep(think.minMs + pick() * (think.maxMs - think.minMs))
      : undefined;
    return childFlow(channel(recorder), {
      lang,
      disclosure,
      facilityName: setup.facilityName,
      random,
      stopped,
      beforeTurn,
    });
  };
}
