// A person: name, gender, birth date, 民族, 籍贯 and an ID number that agrees with all of them.
import { checkCharacter } from '../../../shared/domain/id-number';
import type { Rng } from './random';
import { SURNAMES, RARE_GIVEN_NAMES, eraOf, givenNames } from './names';
import { REGIONS, MINORITY_REGIONS } from './places';
import { ymd, daysInMonth } from './dates';

export type Gender = '男' | '女';

export type Person = {
  name: string;
  gender: Gender;
  birthDate: string;
  ethnicity: string;
  nativePlace: string;
  idNumber: string;
};

const REGION_WEIGHTS = REGIONS.map((r) => [r, r.weight] as const);
const MINORITY_WEIGHTS = MINORITY_REGIONS.map((r) => [r, r.weight] as const);

const COMPOUND_SURNAMES = SURNAMES.map(([s]) => s).filter((s) => s.length > 1);

function surnameOf(name: string): string {
  return COMPOUND_SURNAMES.find((s) => name.startsWith(s)) ?? name.slice(0, 1);
}

export class PersonFactory {
  private readonly ids = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** A person born in [fromYear, toYear]; `localBias` raises the share born in the city. */
  make(opts: { fromYear: number; toYear: number; gender?: Gender; femaleShare?: number; localBias?: number; regionCode?: string }): Person {
    const rng = this.rng;
    const gender: Gender = opts.gender ?? (rng.chance(opts.femaleShare ?? 0.45) ? '女' : '男');
    const y = rng.int(opts.fromYear, opts.toYear);
    const m = rng.int(1, 12);
    const birthDate = ymd(y, m, rng.int(1, daysInMonth(y, m)));

    let ethnicity = '汉族';
    let region: { code: string; place: string };
    const forced = opts.regionCode ? REGIONS.find((r) => r.code === opts.regionCode) : undefined;
    if (forced) region = forced;
    else if (rng.chance(0.045)) {
      const minority = rng.weighted(MINORITY_WEIGHTS);
      ethnicity = minority.ethnicity;
      region = minority;
    } else if (rng.chance(opts.localBias ?? 0)) region = REGIONS[rng.int(0, 3)]!;
    else region = rng.weighted(REGION_WEIGHTS);

    const name = this.name(gender, y);
    return { name, gender, birthDate, ethnicity, nativePlace: region.place, idNumber: this.idNumber(region.code, birthDate, gender) };
  }

  /** An ID number: region + birth date + sequence (odd for men) + check character; unique. */
  idNumber(region: string, birthDate: string, gender: Gender): string {
    for (;;) {
      const seq = this.rng.int(0, 99) * 10 + this.rng.int(0, 4) * 2 + (gender === '男' ? 1 : 0);
      const first17 = `${region}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
      const id = first17 + checkCharacter(first17);
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  private name(gender: Gender, birthYear: number): string {
    const rng = this.rng;
    const surname = rng.weighted(SURNAMES);
    return surname + rng.pick(givenNames(eraOf(birthYear), gender));
  }

  /**
   * Gives the handful of rare given names (喆玥堃珺彧琍) to people of matching gender and era,
   * so every run has them whatever the other draws were.
   */
  applyRareNames<T extends { name: string; gender: Gender; birthDate: string }>(people: T[]): T[] {
    const renamed: T[] = [];
    for (const rare of RARE_GIVEN_NAMES) {
      const fits = people.filter((p) => p.gender === rare.gender && eraOf(Number(p.birthDate.slice(0, 4))) === rare.era && !renamed.includes(p));
      if (fits.length === 0) continue;
      const p = this.rng.pick(fits);
      p.name = surnameOf(p.name) + rare.given;
      renamed.push(p);
    }
    return renamed;
  }

  /** A name only (households, observers): no ID kept. */
  nameOnly(gender: Gender, birthYear: number): string {
    return this.rng.weighted(SURNAMES) + this.rng.pick(givenNames(eraOf(birthYear), gender));
  }
}
