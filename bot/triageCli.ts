import { createInterface } from 'node:readline';
import { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import { z } from 'zod';
import { redact } from '../core/privacy/redact';
import { CircuitBreaker } from '../core/triage/circuitBreaker';
import { createModelClassifier } from '../core/triage/modelClassifier';
import { loadRuleScreener } from '../core/triage/ruleScreener';
import { createScreener, Screener } from '../core/triage/screener';

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);

/** The environment this command reads; anything else is ignored. */
export const triageEnvSchema = z.object({
  OPENAI_API_KEY: z.preprocess(blankAsUnset, z.string().optional()),
  OPENAI_BASE_URL: z.preprocess(blankAsUnset, z.url().optional()),
  OPENAI_MODEL: z.preprocess(blankAsUnset, z.string().default('gpt-4o-mini')),
});

const lineSchema = z.object({ text: z.string(), locale: z.string().min(1).optional() });

/** How many model calls may be in flight at once; output order is kept regardless. */
const MODEL_CONCURRENCY = 8;

function buildScreener(env: z.infer<typeof triageEnvSchema>, rulesDir?: string): Screener {
  const rules = loadRuleScreener(rulesDir);
  if (!env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) return createScreener({ rules });
  const breaker = new CircuitBreaker({ failureThreshold: 5, cooldownMs: 30_000 });
  const model = createModelClassifier({
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.OPENAI_MODEL,
    breaker,
  });
  return createScreener({ rules, model });
}

async function screenLine(screener: Screener, line: string): Promise<string> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: 'not a JSON line' });
  }
  const parsed = lineSchema.safeParse(json);
  if (!parsed.success) return JSON.stringify({ error: 'expected {"text": string, "locale"?: string}' });
  const { text, locale } = parsed.data;
  // Rules see the original text; the model only ever sees the redacted copy.
  const { risk, categories, reasons } = await screener.screenWithModel(
    redact(text),
    locale,
    screener.screenRules(text, locale),
  );
  return JSON.stringify({ risk, categories, reasons });
}

/**
 * `npm run triage`: reads JSON lines `{"text", "locale"?}` from `input` and writes one JSON line per input line,
 * in order, to `output`. A bad line gets `{"error": ...}` and the run goes on. The model is used only when
 * OPENAI_API_KEY or OPENAI_BASE_URL is set in `env`.
 */
export async function runTriageCli(
  input: Readable,
  output: Writable,
  env: NodeJS.ProcessEnv,
  options: { rulesDir?: string } = {},
): Promise<void> {
  const screener = buildScreener(triageEnvSchema.parse(env), options.rulesDir);
  const pending: Promise<string>[] = [];
  const flushOne = async () => {
    const line = await (pending.shift() as Promise<string>);
    if (!output.write(`${line}\n`)) await once(output, 'drain');
  };
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    pending.push(screenLine(screener, line));
    if (pending.length >= MODEL_CONCURRENCY) await flushOne();
  }
  while (pending.length > 0) await flushOne();
}

if (require.main === module) {
  runTriageCli(process.stdin, process.stdout, process.env).catch((error: unknown) => {
    const message =
      error instanceof z.ZodError
        ? `invalid environment: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
        : String(error instanceof Error ? error.message : error);
    process.stderr.write(`triage: ${message}\n`);
    process.exitCode = 1;
  });
}
