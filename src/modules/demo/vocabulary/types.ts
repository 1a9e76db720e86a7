/** The countries demo companies come from: each has its own tax id, phone and legal-form style. */
export type Country = 'RU' | 'US' | 'GB' | 'DE' | 'NL';

export type Gender = 'male' | 'female';

export type Weighted<T> = { value: T; weight: number };

export type IndustryWords = {
  name: string;
  weight: number;
  /** What the account's `segment` holds: the part of the industry it works in. */
  segments: readonly string[];
  /** Word parts a company name in this industry is built from (`фарм` → «Волгафарм»). */
  roots: readonly string[];
};

export type RegionWords = {
  /** The value of the region custom field's option. */
  key: string;
  labelEn: string;
  labelRu: string;
  weight: number;
  country: Country;
  /** A subsidiary in this region is named «Brand-<suffix>». */
  subsidiarySuffix: string;
  /** Leading digits of tax ids registered here (the two-digit region code of a Russian INN). */
  taxCodes: readonly string[];
  /** Telephone area codes of landlines here. */
  areaCodes: readonly string[];
};

export type LegalFormWords = {
  /** Written before the quoted name (Russian: ООО «Ромашка») or after it (English: Acme, Inc.). */
  form: string;
  weight: number;
};

export type CountryWords = {
  currency: string;
  /** Top-level domain of company websites. */
  domainSuffix: string;
  legalForms: readonly LegalFormWords[];
  /** Forms of large holding companies (ПАО, PLC, AG). */
  holdingForms: readonly LegalFormWords[];
  /** Mobile prefixes (Russian 9xx, British 7700…). */
  mobilePrefixes: readonly string[];
};

export type DepartmentWords = {
  name: string;
  weight: number;
  director: string;
  /** Heads of units who report to the director. */
  heads: readonly string[];
  /** People who report to a head (or to the director in a small company). */
  staff: readonly string[];
};

/** Every word list the demo data is made of, in one language. */
export type Vocabulary = {
  locale: 'ru' | 'en';
  workspaceName: string;
  currency: string;
  timeZone: string;
  /** Yearly purchasing budgets by company size, in the workspace currency: [least, most]. */
  budgets: Record<'large' | 'medium' | 'small', readonly [number, number]>;
  countries: Partial<Record<Country, CountryWords>>;
  regions: readonly RegionWords[];
  industries: readonly IndustryWords[];
  /** First halves of company names: places and generic brand words. */
  namePrefixes: readonly string[];
  /** Optional last words of a company name (Групп, Сервис, Group, Partners). */
  nameEndings: readonly string[];
  /** What a holding calls itself in front of its brand (ГК «…»), if anything. */
  holdingNamePrefix: string | undefined;
  /** Suffixes of subsidiaries named by what they do (Логистика, Services). */
  subsidiaryFunctions: readonly string[];
  firstNames: Record<Gender, readonly string[]>;
  /** Common family names; when absent, faker's locale gives them (Russian ones agree with the gender). */
  familyNames: readonly string[] | undefined;
  /** Common patronymics (Russian), or none (English). */
  patronymics: Record<Gender, readonly string[]> | undefined;
  ceo: { title: string; department: string };
  departments: readonly DepartmentWords[];
  tags: readonly string[];
  accountNotes: readonly string[];
  contactNotes: readonly string[];
  personalEmailDomains: readonly string[];
  /** Sole traders (ИП) among the companies: a Russian peculiarity. */
  soleTrader: { share: number; shortForm: string; longForm: string } | undefined;
};

/** A word list written as one comma-separated string, so long lists stay readable. */
export function words(list: string): readonly string[] {
  return list
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean);
}
