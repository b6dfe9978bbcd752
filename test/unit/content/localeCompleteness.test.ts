import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { flattenResource, interpolationVariables, localeMetaSchema, Resource } from '../../../content/contentSchema';
import { NAMESPACES } from '../../../content/loadContent';

const localesDir = path.resolve(__dirname, '../../../content/locales');
const read = (lng: string, file: string) => JSON.parse(readFileSync(path.join(localesDir, lng, file), 'utf8')) as Resource;
// A locale is offered to children once it has a meta.json: from then on it must be complete.
const offered = readdirSync(localesDir).filter((lng) => existsSync(path.join(localesDir, lng, 'meta.json')));

describe.each(offered.filter((l) => l !== 'en'))('locale %s', (lng) => {
  it('declares its review status honestly', () => {
    const meta = localeMetaSchema.parse(read(lng, 'meta.json'));
    if (meta.drafted === 'machine') expect(meta.review).toBe('draft');
  });

  it.each(NAMESPACES)('has every key of the English %s namespace, none empty, with the same variables', (ns) => {
    const english = flattenResource(read('en', `${ns}.json`));
    const file = path.join(localesDir, lng, `${ns}.json`);
    expect(existsSync(file)).toBe(true);
    const theirs = flattenResource(read(lng, `${ns}.json`));
    expect([...theirs.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      const translated = theirs.get(key) ?? '';
      expect({ key, empty: translated.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, vars: interpolationVariables(translated) }).toEqual({ key, vars: interpolationVariables(text) });
    }
  });
});

it('offers English and at least one other language', () => {
  expect(offered).toEqual(expect.arrayContaining(['en', 'th']));
});
