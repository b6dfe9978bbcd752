import { z } from 'zod';

/** A form field sent zero, one or many times (checkboxes, multi-selects) as a list. */
export const manyField = (item: z.ZodType<string>) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(200));

/** A checkbox: present ("on") or absent. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true', z.boolean());
