import { TFunction } from 'i18next';

/** One human helpline; `verified` stays false until a deployment has confirmed the number. */
export interface Helpline {
  country: string;
  name: string;
  number: string;
  hours: string | null;
  verified: boolean;
}

/** Finds the helpline a child should be given, by country, with a default where we have none. */
export class Helplines {
  private readonly byCountry: Map<string, Helpline>;

  constructor(
    entries: Helpline[],
    private readonly fallback: Helpline,
  ) {
    this.byCountry = new Map(entries.map((h) => [h.country, h]));
  }

  forCountry(country: string | undefined): Helpline {
    return (country && this.byCountry.get(country)) || this.fallback;
  }

  /** The sentence every help and rights answer ends with: how to reach a human. */
  sentence(t: TFunction, country: string | undefined): string {
    const h = this.forCountry(country);
    return t(h.hours === '24 hours' ? 'helpline24' : 'helpline', { name: h.name, number: h.number });
  }
}
