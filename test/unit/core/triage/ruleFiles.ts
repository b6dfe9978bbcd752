import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway rules folder holding the given files (name → JSON value or raw text). */
export function rulesDir(files: Record<string, unknown>): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'heard-rules-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A minimal valid rule file; override any field. */
export function ruleFile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    locale: 'en',
    script: 'Latin',
    segmented: false,
    review: 'draft',
    drafted: 'machine',
    negators: [],
    figurative: [],
    rules: [{ id: 'x.y', category: 'bullying', risk: 'concern', reason: 'r', patterns: ['bully*'] }],
    ...overrides,
  };
}
