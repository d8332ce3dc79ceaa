import type { CompanyRecord, ContactRecord } from '@tollgate/companies';

/**
 * The seed's sample dataset, generated from a fixed seed so that every stack (and every test run)
 * gets the same companies and contacts with the same ids: documentation and demos can point at a
 * real record. Pure: no I/O, no clock, no Math.random.
 */

export interface SampleOptions {
  seed: number;
  companies: number;
  contacts: number;
}

export interface Sample {
  companies: CompanyRecord[];
  contacts: ContactRecord[];
}

export const DEFAULT_SAMPLE: SampleOptions = { seed: 20_240_101, companies: 10_000, contacts: 30_000 };

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for sample data and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Ids are ObjectIds whose timestamp is fixed (2024-01-01) and whose tail is the record's index, so
 * they are reproducible and never collide with ids MongoDB mints for records created later.
 */
export function sampleId(kind: 'company' | 'contact', index: number): string {
  return '65920080' + (kind === 'company' ? 'c0' : 'c1') + index.toString(16).padStart(14, '0');
}

const FIRST_WORDS = [
  'Apex',
  'Atlas',
  'Beacon',
  'Blue',
  'Bright',
  'Cedar',
  'Crescent',
  'Delta',
  'Élan',
  'Evergreen',
  'Falcon',
  'Golden',
  'Granite',
  'Harbor',
  'Horizon',
  'Insight',
  'Iron',
  'Juniper',
  'Keystone',
  'Lumen',
  'Maple',
  'Meridian',
  'Nimbus',
  'Nordström',
  'North',
  'Nova',
  'Oak',
  'Orion',
  'Pinnacle',
  'Pioneer',
  'Quantum',
  'Redwood',
  'River',
  'Sierra',
  'Silver',
  'Stone',
  'Summit',
  'Swift',
  'Titan',
  'Unity',
  'Vertex',
  'Vista',
  'Willow',
  'Zenith',
];
const SECOND_WORDS = [
  'Airways',
  'Analytics',
  'Bio',
  'Capital',
  'Consulting',
  'Designs',
  'Dynamics',
  'Energy',
  'Foods',
  'Foundry',
  'Health',
  'Holdings',
  'Industries',
  'Labs',
  'Logistics',
  'Media',
  'Motors',
  'Networks',
  'Partners',
  'Pharma',
  'Retail',
  'Robotics',
  'Security',
  'Software',
  'Solutions',
  'Studios',
  'Systems',
  'Telecom',
  'Ventures',
  'Works',
];
const SUFFIXES = ['', '', '', ' Inc', ' LLC', ' Ltd', ' GmbH', ' SA', ' Group', ' & Co'];
const INDUSTRIES = [
  'Software',
  'Manufacturing',
  'Healthcare',
  'Financial Services',
  'Retail',
  'Energy',
  'Telecommunications',
  'Transportation',
  'Education',
  'Media',
  'Real Estate',
  'Hospitality',
  'Agriculture',
  'Construction',
  'Pharmaceuticals',
  'Consulting',
  'Government',
  'Nonprofit',
];
/** [code, weight, calling code, top-level domain, cities] */
const COUNTRIES: [string, number, string, string, string[]][] = [
  ['US', 30, '1', 'com', ['New York', 'San Francisco', 'Austin', 'Chicago', 'Seattle', 'Boston', 'Denver', 'Atlanta']],
  ['GB', 8, '44', 'co.uk', ['London', 'Manchester', 'Edinburgh', 'Bristol']],
  ['DE', 7, '49', 'de', ['Berlin', 'Munich', 'Hamburg', 'Frankfurt']],
  ['FR', 6, '33', 'fr', ['Paris', 'Lyon', 'Toulouse', 'Nantes']],
  ['CA', 5, '1', 'ca', ['Toronto', 'Vancouver', 'Montréal']],
  ['IN', 5, '91', 'in', ['Bengaluru', 'Mumbai', 'Pune', 'Hyderabad']],
  ['JP', 4, '81', 'jp', ['Tokyo', 'Osaka', 'Fukuoka']],
  ['AU', 4, '61', 'com.au', ['Sydney', 'Melbourne', 'Brisbane']],
  ['BR', 3, '55', 'com.br', ['São Paulo', 'Rio de Janeiro', 'Curitiba']],
  ['NL', 3, '31', 'nl', ['Amsterdam', 'Rotterdam', 'Utrecht']],
  ['ES', 3, '34', 'es', ['Madrid', 'Barcelona', 'Valencia']],
  ['SE', 2, '46', 'se', ['Stockholm', 'Gothenburg', 'Malmö']],
  ['SG', 2, '65', 'sg', ['Singapore']],
  ['IE', 2, '353', 'ie', ['Dublin', 'Cork']],
  ['IT', 2, '39', 'it', ['Milan', 'Rome', 'Turin']],
  ['CH', 2, '41', 'ch', ['Zurich', 'Geneva', 'Basel']],
  ['IL', 2, '972', 'co.il', ['Tel Aviv', 'Haifa']],
  ['KR', 2, '82', 'kr', ['Seoul', 'Busan']],
  ['MX', 2, '52', 'mx', ['Mexico City', 'Guadalajara', 'Monterrey']],
  ['ZA', 1, '27', 'co.za', ['Cape Town', 'Johannesburg']],
  ['PL', 1, '48', 'pl', ['Warsaw', 'Kraków']],
  ['NO', 1, '47', 'no', ['Oslo', 'Bergen']],
  ['DK', 1, '45', 'dk', ['Copenhagen', 'Aarhus']],
  ['FI', 1, '358', 'fi', ['Helsinki']],
  ['AR', 1, '54', 'com.ar', ['Buenos Aires']],
];
const FIRST_NAMES = [
  'Ada',
  'Alan',
  'Amara',
  'Ana',
  'Arjun',
  'Astrid',
  'Ben',
  'Chen',
  'Chloé',
  'Daniel',
  'Diego',
  'Elena',
  'Emma',
  'Fatima',
  'Finn',
  'Grace',
  'Hana',
  'Hiro',
  'Ines',
  'Isaac',
  'Jan',
  'José',
  'Julia',
  'Kai',
  'Karin',
  'Leila',
  'Liam',
  'Lucas',
  'Maya',
  'Mei',
  'Mohammed',
  'Nadia',
  'Noah',
  'Olga',
  'Omar',
  'Priya',
  'Rafael',
  'Ravi',
  'Sara',
  'Sofia',
  'Tariq',
  'Tom',
  'Umar',
  'Valentina',
  'Wei',
  'Yuki',
  'Zoë',
];
const LAST_NAMES = [
  'Abe',
  'Andersson',
  'Bauer',
  'Becker',
  'Chen',
  'Costa',
  'Dubois',
  'Fernández',
  'Fischer',
  'García',
  'Gupta',
  'Hansen',
  'Ito',
  'Jensen',
  'Kim',
  'Kowalski',
  'Lee',
  'Lopez',
  'Martin',
  'Meyer',
  'Moreau',
  'Müller',
  'Nakamura',
  "O'Brien",
  'Patel',
  'Rossi',
  'Santos',
  'Schmidt',
  'Silva',
  'Singh',
  'Smith',
  'Suzuki',
  'Tanaka',
  'Taylor',
  'Wang',
  'Weber',
  'Williams',
  'Wilson',
  'Yamamoto',
  'Zhang',
];
const TITLES = [
  'CEO',
  'CTO',
  'CFO',
  'COO',
  'VP Sales',
  'VP Engineering',
  'Head of Marketing',
  'Product Manager',
  'Software Engineer',
  'Account Executive',
  'Data Scientist',
  'Operations Manager',
  'HR Director',
  'Sales Manager',
  'Customer Success Manager',
  'Designer',
  'Procurement Manager',
  'General Counsel',
];

/** ASCII letters and digits only: for domains and email local parts. */
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export function generateSample(options: SampleOptions): Sample {
  const rng = mulberry32(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)];
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
  const totalWeight = COUNTRIES.reduce((s, c) => s + c[1], 0);
  const pickCountry = () => {
    let r = rng() * totalWeight;
    for (const c of COUNTRIES) if ((r -= c[1]) < 0) return c;
    return COUNTRIES[0];
  };

  const domains = new Set<string>();
  const companies: CompanyRecord[] = [];
  const companyCountry: (typeof COUNTRIES)[number][] = [];
  for (let i = 0; i < options.companies; i++) {
    const first = pick(FIRST_WORDS);
    const second = pick(SECOND_WORDS);
    const country = pickCountry();
    const base = slug(first + second);
    let domain = `${base}.${country[3]}`;
    for (let n = 2; domains.has(domain); n++) domain = `${base}${n}.${country[3]}`;
    domains.add(domain);
    const employees = Math.round(10 ** (1 + rng() * 4.3));
    const noLocation = rng() < 0.03;
    companies.push({
      id: sampleId('company', i),
      name: `${first} ${second}${pick(SUFFIXES)}`,
      domain,
      industry: rng() < 0.02 ? null : pick(INDUSTRIES),
      country: noLocation ? null : country[0],
      city: noLocation || rng() < 0.05 ? null : pick(country[4]),
      employees,
      revenue: Math.round((employees * (40_000 + rng() * 360_000)) / 1000) * 1000,
      website: `https://www.${domain}`,
    });
    companyCountry.push(country);
  }

  const emails = new Map<number, Set<string>>();
  const contacts: ContactRecord[] = [];
  for (let i = 0; i < options.contacts && companies.length; i++) {
    const at = Math.floor(rng() * companies.length);
    const company = companies[at];
    const firstName = pick(FIRST_NAMES);
    const lastName = pick(LAST_NAMES);
    const used = emails.get(at) ?? new Set<string>();
    emails.set(at, used);
    const local = `${slug(firstName)}.${slug(lastName)}`;
    let email = `${local}@${company.domain}`;
    for (let n = 2; used.has(email); n++) email = `${local}${n}@${company.domain}`;
    used.add(email);
    contacts.push({
      id: sampleId('contact', i),
      companyId: company.id,
      firstName,
      lastName,
      title: rng() < 0.1 ? null : pick(TITLES),
      email,
      phone: rng() < 0.2 ? null : `+${companyCountry[at][2]} ${digits(3)} ${digits(3)} ${digits(4)}`,
    });
  }
  return { companies, contacts };
}
