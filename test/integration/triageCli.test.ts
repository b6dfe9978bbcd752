import { PassThrough, Readable } from 'node:stream';
import { runTriageCli } from '../../bot/triageCli';
import { FakeOpenAi, startFakeOpenAi } from '../support/fakeOpenAiServer';

async function run(lines: string[], env: NodeJS.ProcessEnv = {}): Promise<Record<string, unknown>[]> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await runTriageCli(Readable.from(lines.map((line) => `${line}\n`)), output, env);
  const text = Buffer.concat(chunks).toString('utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('npm run triage (runTriageCli)', () => {
  it('writes one JSON line per input line, in order, with risk, categories and reasons', async () => {
    const out = await run([
      JSON.stringify({ text: 'I want to die', locale: 'en' }),
      JSON.stringify({ text: 'what is for dinner?' }),
      JSON.stringify({ text: 'ครูตีหนูทุกวัน', locale: 'th' }),
    ]);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({
      risk: 'urgent',
      categories: ['self_harm'],
      reasons: [expect.stringContaining('en:self_harm')],
    });
    expect(out[1]).toEqual({ risk: 'none', categories: [], reasons: [] });
    expect(out[2]).toMatchObject({ risk: 'urgent', categories: expect.arrayContaining(['physical_abuse']) });
  });

  it('answers a bad line with an error on that line and carries on', async () => {
    const out = await run([
      'not json',
      '{"locale": "en"}',
      '',
      JSON.stringify({ text: 'he hits me' }),
      '[1, 2]',
    ]);
    expect(out.map((line) => Object.keys(line))).toEqual([
      ['error'],
      ['error'],
      ['error'],
      ['risk', 'categories', 'reasons'],
      ['error'],
    ]);
    expect(out[3].risk).toBe('urgent');
  });

  it('keeps order over thousands of lines', async () => {
    const texts = Array.from({ length: 5000 }, (_, i) =>
      i % 3 === 0 ? `line ${i}: they lock us in` : `line ${i}: hello`,
    );
    const out = await run(texts.map((text) => JSON.stringify({ text, locale: 'en' })));
    expect(out).toHaveLength(5000);
    out.forEach((line, i) => expect(line.risk).toBe(i % 3 === 0 ? 'urgent' : 'none'));
  });

  describe('with a model endpoint configured', () => {
    let fake: FakeOpenAi;
    afterEach(async () => fake.close());

    it('asks the model with redacted text only when OPENAI_BASE_URL is set, and lets it raise the risk', async () => {
      fake = await startFakeOpenAi({
        kind: 'screening',
        body: { risk: 'concern', categories: ['neglect'], reasons: ['meals withheld'] },
      });
      const out = await run(
        [JSON.stringify({ text: 'we get dinner only if we obey, call me on 0812345678', locale: 'en' })],
        {
          OPENAI_BASE_URL: fake.baseURL,
          OPENAI_MODEL: 'local-model',
        },
      );
      expect(out[0]).toMatchObject({ risk: 'concern', categories: ['neglect'] });
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0].body.model).toBe('local-model');
      expect(JSON.stringify(fake.requests[0].body)).not.toContain('0812345678');
    });

    it('falls back to the rules when the model fails', async () => {
      fake = await startFakeOpenAi({ kind: 'status', status: 500 });
      const out = await run([JSON.stringify({ text: 'they lock us in the room' })], {
        OPENAI_BASE_URL: fake.baseURL,
      });
      expect(out[0].risk).toBe('urgent');
    });
  });

  it('refuses an environment variable that is not valid, naming it', async () => {
    await expect(run([], { OPENAI_BASE_URL: 'not a url' })).rejects.toThrow(/OPENAI_BASE_URL/);
  });
});
