export interface Currency {
  readonly name: string;
  /** Money is stored as an integer in minor units: 10^minorUnits of them make one unit (ISO 4217 exponent). */
  readonly minorUnits: 0 | 2 | 3;
}

// Common ISO 4217 currencies of donors, providers and requesting States.
export const CURRENCIES = {
  USD: { name: 'US dollar', minorUnits: 2 },
  EUR: { name: 'Euro', minorUnits: 2 },
  GBP: { name: 'Pound sterling', minorUnits: 2 },
  JPY: { name: 'Yen', minorUnits: 0 },
  CHF: { name: 'Swiss franc', minorUnits: 2 },
  CAD: { name: 'Canadian dollar', minorUnits: 2 },
  AUD: { name: 'Australian dollar', minorUnits: 2 },
  NZD: { name: 'New Zealand dollar', minorUnits: 2 },
  CNY: { name: 'Yuan renminbi', minorUnits: 2 },
  RUB: { name: 'Russian ruble', minorUnits: 2 },
  KRW: { name: 'Won', minorUnits: 0 },
  SEK: { name: 'Swedish krona', minorUnits: 2 },
  NOK: { name: 'Norwegian krone', minorUnits: 2 },
  DKK: { name: 'Danish krone', minorUnits: 2 },
  PLN: { name: 'Zloty', minorUnits: 2 },
  CZK: { name: 'Czech koruna', minorUnits: 2 },
  HUF: { name: 'Forint', minorUnits: 2 },
  TRY: { name: 'Turkish lira', minorUnits: 2 },
  MNT: { name: 'Tugrik', minorUnits: 2 },
  KZT: { name: 'Tenge', minorUnits: 2 },
  KGS: { name: 'Som', minorUnits: 2 },
  TJS: { name: 'Somoni', minorUnits: 2 },
  TMT: { name: 'Turkmenistan new manat', minorUnits: 2 },
  UZS: { name: 'Uzbekistan sum', minorUnits: 2 },
  AZN: { name: 'Azerbaijan manat', minorUnits: 2 },
  AMD: { name: 'Armenian dram', minorUnits: 2 },
  GEL: { name: 'Lari', minorUnits: 2 },
  UAH: { name: 'Hryvnia', minorUnits: 2 },
  INR: { name: 'Indian rupee', minorUnits: 2 },
  PKR: { name: 'Pakistan rupee', minorUnits: 2 },
  BDT: { name: 'Taka', minorUnits: 2 },
  IDR: { name: 'Rupiah', minorUnits: 2 },
  MYR: { name: 'Malaysian ringgit', minorUnits: 2 },
  PHP: { name: 'Philippine peso', minorUnits: 2 },
  SGD: { name: 'Singapore dollar', minorUnits: 2 },
  THB: { name: 'Baht', minorUnits: 2 },
  VND: { name: 'Dong', minorUnits: 0 },
  AED: { name: 'UAE dirham', minorUnits: 2 },
  SAR: { name: 'Saudi riyal', minorUnits: 2 },
  QAR: { name: 'Qatari rial', minorUnits: 2 },
  KWD: { name: 'Kuwaiti dinar', minorUnits: 3 },
  JOD: { name: 'Jordanian dinar', minorUnits: 3 },
  EGP: { name: 'Egyptian pound', minorUnits: 2 },
  MAD: { name: 'Moroccan dirham', minorUnits: 2 },
  TND: { name: 'Tunisian dinar', minorUnits: 3 },
  NGN: { name: 'Naira', minorUnits: 2 },
  KES: { name: 'Kenyan shilling', minorUnits: 2 },
  ZAR: { name: 'Rand', minorUnits: 2 },
  XOF: { name: 'CFA franc BCEAO', minorUnits: 0 },
  XAF: { name: 'CFA franc BEAC', minorUnits: 0 },
  BRL: { name: 'Brazilian real', minorUnits: 2 },
  MXN: { name: 'Mexican peso', minorUnits: 2 },
  ARS: { name: 'Argentine peso', minorUnits: 2 },
  CLP: { name: 'Chilean peso', minorUnits: 0 },
  COP: { name: 'Colombian peso', minorUnits: 2 },
} as const satisfies Record<string, Currency>;

export type CurrencyCode = keyof typeof CURRENCIES;

export const CURRENCY_CODES = Object.keys(CURRENCIES) as readonly CurrencyCode[];
