import type { AccountStatus } from '../accounts';
import { domainFor, legalNameOf, makeBrand, makeTaxId, soleTraderNames, subsidiaryBrand } from './companies';
import type { CompanySize } from './demo-context';
import { makePersonName, type PersonName } from './people';
import type { DemoRandom } from './random';
import type { CountryWords, IndustryWords, RegionWords, Vocabulary } from './vocabulary';

/** A company of the portfolio before it has an owner, dates or custom values. */
export type CompanyPlan = {
  /** Index of the parent company in the plan; parents always come before their subsidiaries. */
  parentIndex: number | null;
  depth: number;
  brand: string;
  name: string;
  legalName: string;
  taxId: string;
  /** The company's web domain (its people's mail is there), or null for a sole trader. */
  domain: string | null;
  industry: IndustryWords;
  segment: string;
  region: RegionWords;
  currency: string;
  size: CompanySize;
  budget: number;
  soleTrader: PersonName | null;
  status: AccountStatus;
};

const standaloneSizes = [
  { value: 'large', weight: 12 },
  { value: 'medium', weight: 43 },
  { value: 'small', weight: 45 },
] as const;
const subsidiarySizes = [
  { value: 'large', weight: 20 },
  { value: 'medium', weight: 55 },
  { value: 'small', weight: 25 },
] as const;
const statusMix = [
  { value: 'active', weight: 56 },
  { value: 'prospect', weight: 22 },
  { value: 'at_risk', weight: 11 },
  { value: 'lost', weight: 11 },
] as const;

/** Share of accounts that are key: few, and never more than the default cap of 100. */
const keyShare = 0.04;
const keyCap = 100;

/** Names, domains and tax ids already given out: each is unique in the workspace. */
class TakenNames {
  private readonly brands = new Set<string>();
  private readonly domains = new Set<string>();
  private readonly taxIds = new Set<string>();

  claimBrand(makeCandidate: () => string, domainSuffix: string): { brand: string; domain: string } {
    for (let attempt = 0; ; attempt += 1) {
      const candidate = makeCandidate();
      // NOTE: once the name space is crowded (hundreds of thousands of companies), number them.
      const brand = attempt < 30 ? candidate : `${candidate} ${attempt}`;
      const domain = domainFor(brand, domainSuffix);
      if (this.brands.has(brand.toLowerCase()) || this.domains.has(domain)) continue;
      this.brands.add(brand.toLowerCase());
      this.domains.add(domain);
      return { brand, domain };
    }
  }

  claimTaxId(makeCandidate: () => string): string {
    for (;;) {
      const taxId = makeCandidate();
      if (this.taxIds.has(taxId)) continue;
      this.taxIds.add(taxId);
      return taxId;
    }
  }
}

function budgetFor(random: DemoRandom, vocabulary: Vocabulary, size: CompanySize): number {
  const [least, most] = vocabulary.budgets[size];
  // NOTE: log-uniform: within a size, every order of magnitude is as likely as the next.
  return Math.round(least * (most / least) ** random.next());
}

function countryOf(vocabulary: Vocabulary, region: RegionWords): CountryWords {
  const country = vocabulary.countries[region.country];
  if (!country) throw new Error(`The ${vocabulary.locale} vocabulary has no words for ${region.country}`);
  return country;
}

const byWeight = <T extends { weight: number }>(items: readonly T[]) =>
  items.map((item) => ({ value: item, weight: item.weight }));

/**
 * The companies of a portfolio: standalone companies, a few sole traders (Russian) and holdings
 * with subsidiaries up to three levels deep, with industries, regions, sizes and statuses.
 */
export function planPortfolio(random: DemoRandom, vocabulary: Vocabulary, total: number): CompanyPlan[] {
  const taken = new TakenNames();
  const plans: CompanyPlan[] = [];
  const industries = byWeight(vocabulary.industries);
  const regions = byWeight(vocabulary.regions);

  const addCompany = (options: {
    parentIndex: number | null;
    industry: IndustryWords;
    segment?: string | undefined;
    region: RegionWords;
    size: CompanySize;
    holding: boolean;
    makeBrand: () => string;
  }) => {
    const { parentIndex, industry, region, size, holding } = options;
    const country = countryOf(vocabulary, region);
    const { brand, domain } = taken.claimBrand(options.makeBrand, country.domainSuffix);
    const form = random.weighted(byWeight(holding ? country.holdingForms : country.legalForms)).form;
    const groupName = holding && vocabulary.holdingNamePrefix && random.chance(0.5);
    plans.push({
      parentIndex,
      depth: parentIndex === null ? 0 : (plans[parentIndex]?.depth ?? 0) + 1,
      brand,
      name: groupName ? `${vocabulary.holdingNamePrefix} «${brand}»` : brand,
      legalName: legalNameOf(vocabulary.locale, form, brand),
      taxId: taken.claimTaxId(() => makeTaxId(random, region, false)),
      domain,
      industry,
      segment: options.segment ?? random.pick(industry.segments),
      region,
      currency: country.currency,
      size,
      budget: budgetFor(random, vocabulary, size),
      soleTrader: null,
      status: 'active',
    });
    return plans.length - 1;
  };

  const addSubsidiaries = (parentIndex: number, count: number, depth: number) => {
    const parent = plans[parentIndex];
    if (!parent) return;
    for (let index = 0; index < count && plans.length < total; index += 1) {
      const elsewhere = random.chance(0.5);
      const region = elsewhere ? random.weighted(regions) : parent.region;
      const makeName = () =>
        subsidiaryBrand(
          vocabulary,
          parent.brand,
          elsewhere && region !== parent.region ? region.subsidiarySuffix : random.pick(vocabulary.subsidiaryFunctions),
        );
      const child = addCompany({
        parentIndex,
        industry: parent.industry,
        segment: random.chance(0.7) ? parent.segment : undefined,
        region,
        size: random.weighted(subsidiarySizes),
        holding: false,
        makeBrand: makeName,
      });
      if (depth < 2 && random.chance(0.2)) addSubsidiaries(child, random.int(1, 3), depth + 1);
    }
  };

  while (plans.length < total) {
    const remaining = total - plans.length;
    const industry = random.weighted(industries);
    const region = random.weighted(regions);
    if (remaining >= 3 && random.chance(0.06)) {
      const parentIndex = addCompany({
        parentIndex: null,
        industry,
        region,
        size: 'large',
        holding: true,
        makeBrand: () => makeBrand(random, vocabulary, industry, { ending: false }),
      });
      addSubsidiaries(parentIndex, random.int(2, 6), 1);
    } else if (vocabulary.soleTrader && random.chance(vocabulary.soleTrader.share)) {
      const person = makePersonName(random, vocabulary);
      const names = soleTraderNames(vocabulary.soleTrader, person);
      const country = countryOf(vocabulary, region);
      plans.push({
        parentIndex: null,
        depth: 0,
        brand: names.name,
        ...names,
        taxId: taken.claimTaxId(() => makeTaxId(random, region, true)),
        domain: null,
        industry,
        segment: random.pick(industry.segments),
        region,
        currency: country.currency,
        size: 'small',
        budget: Math.round(budgetFor(random, vocabulary, 'small') / 3),
        soleTrader: person,
        status: 'active',
      });
    } else {
      addCompany({
        parentIndex: null,
        industry,
        region,
        size: random.weighted(standaloneSizes),
        holding: false,
        makeBrand: () => makeBrand(random, vocabulary, industry),
      });
    }
  }
  assignStatuses(random, plans);
  promoteKeyAccounts(plans);
  return plans;
}

/** Statuses in the proportions of the mix, shuffled: a small portfolio gets the mix as well. */
function assignStatuses(random: DemoRandom, plans: CompanyPlan[]): void {
  const total = statusMix.reduce((sum, status) => sum + status.weight, 0);
  const deck = statusMix.flatMap((status) =>
    Array.from({ length: Math.round((plans.length * status.weight) / total) }, () => status.value),
  );
  const shuffled = random.sample(deck, deck.length);
  plans.forEach((plan, index) => {
    plan.status = shuffled[index] ?? 'active';
  });
}

/** The largest budgets among the customers we already serve become key accounts. */
function promoteKeyAccounts(plans: CompanyPlan[]): void {
  const keyCount = Math.min(keyCap, Math.max(1, Math.round(plans.length * keyShare)));
  const candidates = plans
    .map((plan, index) => ({ plan, index }))
    .filter(({ plan }) => (plan.status === 'active' || plan.status === 'at_risk') && !plan.soleTrader)
    .sort((a, b) => b.plan.budget - a.plan.budget || a.index - b.index);
  for (const { plan } of candidates.slice(0, keyCount)) plan.status = 'key';
}
