import { CircuitBreaker } from '../../../../core/triage/circuitBreaker';
import { createModelClassifier } from '../../../../core/triage/modelClassifier';
import { loadRuleScreener } from '../../../../core/triage/ruleScreener';
import { createScreener, mergeScreenings } from '../../../../core/triage/screener';
import { Screening } from '../../../../core/triage/types';
import { FakeOpenAi, startFakeOpenAi } from '../../../support/fakeOpenAiServer';

const rules = loadRuleScreener();
const none: Screening = { risk: 'none', categories: [], reasons: [] };

describe('screener with an optional model', () => {
  let fake: FakeOpenAi | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  const withModel = (timeoutMs = 2000) => {
    if (!fake) throw new Error('start the fake first');
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 60_000 });
    const model = createModelClassifier({ baseURL: fake.baseURL, model: 'test-model', timeoutMs, breaker });
    return createScreener({ rules, model });
  };

  it('answers on the rules alone, synchronously, when no model is configured', async () => {
    const screener = createScreener({ rules });
    expect(screener.screenRules('they lock us in the room at night', 'en').risk).toBe('urgent');
    await expect(screener.screen('what is for dinner?', 'en')).resolves.toEqual(none);
  });

  it('lets a model raise an ordinary-looking message and add its category', async () => {
    fake = await startFakeOpenAi({
      kind: 'screening',
      body: { risk: 'concern', categories: ['neglect'], reasons: ['meals withheld'] },
    });
    const result = await withModel().screen('we only get dinner when the boss is happy', 'en');
    expect(result.risk).toBe('concern');
    expect(result.categories).toContain('neglect');
    expect(result.reasons).toContain('model: meals withheld');
  });

  it('never lets a model answering "none" lower an urgent rule match', async () => {
    fake = await startFakeOpenAi({
      kind: 'screening',
      body: { risk: 'none', categories: [], reasons: ['fine'] },
    });
    const result = await withModel().screen('I want to kill myself', 'en');
    expect(result.risk).toBe('urgent');
    expect(result.categories).toEqual(['self_harm']);
    expect(result.reasons.some((r) => r.startsWith('model:'))).toBe(false);
  });

  it('keeps the rule screening when the model reply is malformed, fails or is too slow', async () => {
    fake = await startFakeOpenAi({ kind: 'content', content: '{"risk": "none"' });
    const expected = rules.screen('he beat me again', 'en');
    await expect(withModel().screen('he beat me again', 'en')).resolves.toEqual(expected);
    fake.reply = { kind: 'status', status: 500 };
    await expect(withModel().screen('he beat me again', 'en')).resolves.toEqual(expected);
    fake.reply = { kind: 'slow', delayMs: 3000, body: { risk: 'none', categories: [], reasons: [] } };
    await expect(withModel(200).screen('he beat me again', 'en')).resolves.toEqual(expected);
  });

  it('sends the model the redacted text it is given, and merges with the rules run on the original', async () => {
    fake = await startFakeOpenAi({ kind: 'screening', body: { risk: 'none', categories: [], reasons: [] } });
    const screener = withModel();
    const original = 'my old boss keeps messaging me on facebook, his number is 0812345678';
    const ruleScreening = screener.screenRules(original, 'en');
    const result = await screener.screenWithModel(
      'my old boss keeps messaging me, his number is [number]',
      'en',
      ruleScreening,
    );
    expect(result).toEqual(ruleScreening);
    expect(JSON.stringify(fake.requests[0].body)).not.toContain('0812345678');
  });
});

describe('merging a model screening into a rule screening', () => {
  const rule: Screening = { risk: 'concern', categories: ['bullying'], reasons: ['r'] };

  it('takes the higher risk and the union of categories', () => {
    expect(
      mergeScreenings(rule, { risk: 'urgent', categories: ['bullying', 'self_harm'], reasons: ['m'] }),
    ).toEqual({
      risk: 'urgent',
      categories: ['bullying', 'self_harm'],
      reasons: ['r', 'm'],
    });
  });

  it('keeps the rule risk when the model is lower', () => {
    expect(mergeScreenings(rule, { risk: 'concern', categories: ['neglect'], reasons: [] }).risk).toBe(
      'concern',
    );
    expect(mergeScreenings(rule, none)).toEqual(rule);
    expect(mergeScreenings(rule, null)).toEqual(rule);
  });
});
