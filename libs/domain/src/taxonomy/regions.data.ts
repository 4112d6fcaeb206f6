import type { StateCode } from './states.data';
import type { TaxonomyText } from './taxonomy-text';

export const REGIONS = [
  'GLOBAL',
  'AFRICA',
  'ASIA_PACIFIC',
  'EASTERN_EUROPE',
  'LATIN_AMERICA_CARIBBEAN',
  'WEOG',
  'OSCE',
  'CENTRAL_ASIA',
  'EU_NEIGHBOURHOOD',
  'ASEAN',
  'AFRICAN_UNION',
  'CARICOM',
  'PACIFIC_ISLANDS',
] as const;
export type RegionCode = (typeof REGIONS)[number];

/** The five UN regional groups: together they hold every Member State exactly once. */
export const UN_REGIONAL_GROUPS: readonly RegionCode[] = [
  'AFRICA',
  'ASIA_PACIFIC',
  'EASTERN_EUROPE',
  'LATIN_AMERICA_CARIBBEAN',
  'WEOG',
];

export const REGION_TEXT: Readonly<Record<RegionCode, TaxonomyText>> = {
  GLOBAL: { label: 'Global', help: 'Every State, wherever it is.' },
  AFRICA: { label: 'African States', help: 'The African Group of UN Member States.' },
  ASIA_PACIFIC: { label: 'Asia-Pacific States', help: 'The Asia-Pacific Group of UN Member States.' },
  EASTERN_EUROPE: { label: 'Eastern European States', help: 'The Eastern European Group of UN Member States.' },
  LATIN_AMERICA_CARIBBEAN: {
    label: 'Latin American and Caribbean States',
    help: 'The Latin American and Caribbean Group of UN Member States (GRULAC).',
  },
  WEOG: {
    label: 'Western European and other States',
    help: 'The Western European and Others Group, with the United States, which sits with it for elections.',
  },
  OSCE: {
    label: 'OSCE participating States',
    help: 'The 57 participating States of the Organization for Security and Co-operation in Europe.',
  },
  CENTRAL_ASIA: {
    label: 'Central Asia',
    help: 'Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.',
  },
  EU_NEIGHBOURHOOD: {
    label: 'EU neighbourhood',
    help: 'The eastern and southern partners of the European Neighbourhood Policy.',
  },
  ASEAN: { label: 'ASEAN', help: 'Member States of the Association of Southeast Asian Nations.' },
  AFRICAN_UNION: {
    label: 'African Union',
    help: 'Member States of the African Union that are UN Member States.',
  },
  CARICOM: {
    label: 'CARICOM',
    help: 'Full members of the Caribbean Community that are UN Member States.',
  },
  PACIFIC_ISLANDS: {
    label: 'Pacific island States',
    help: 'Pacific island States of the Pacific Islands Forum that are UN Member States.',
  },
};

// prettier-ignore
const AFRICA = [
  'DZA', 'AGO', 'BEN', 'BWA', 'BFA', 'BDI', 'CPV', 'CMR', 'CAF', 'TCD', 'COM', 'COG', 'CIV', 'COD',
  'DJI', 'EGY', 'GNQ', 'ERI', 'SWZ', 'ETH', 'GAB', 'GMB', 'GHA', 'GIN', 'GNB', 'KEN', 'LSO', 'LBR',
  'LBY', 'MDG', 'MWI', 'MLI', 'MRT', 'MUS', 'MAR', 'MOZ', 'NAM', 'NER', 'NGA', 'RWA', 'STP', 'SEN',
  'SYC', 'SLE', 'SOM', 'ZAF', 'SSD', 'SDN', 'TGO', 'TUN', 'UGA', 'TZA', 'ZMB', 'ZWE',
] as const satisfies readonly StateCode[];

/** Every State named in a region is a UN Member State or observer; GLOBAL is every State and is not listed. */
// prettier-ignore
export const REGION_STATES: Readonly<Record<Exclude<RegionCode, 'GLOBAL'>, readonly StateCode[]>> = {
  AFRICA,
  // Kiribati sits with the Asia-Pacific Group.
  ASIA_PACIFIC: [
    'AFG', 'BHR', 'BGD', 'BTN', 'BRN', 'KHM', 'CHN', 'CYP', 'PRK', 'FJI', 'IND', 'IDN', 'IRN', 'IRQ',
    'JPN', 'JOR', 'KAZ', 'KIR', 'KWT', 'KGZ', 'LAO', 'LBN', 'MYS', 'MDV', 'MHL', 'FSM', 'MNG', 'MMR',
    'NRU', 'NPL', 'OMN', 'PAK', 'PLW', 'PNG', 'PHL', 'QAT', 'KOR', 'WSM', 'SAU', 'SGP', 'SLB', 'LKA',
    'SYR', 'TJK', 'THA', 'TLS', 'TON', 'TKM', 'TUV', 'ARE', 'UZB', 'VUT', 'VNM', 'YEM',
  ],
  EASTERN_EUROPE: [
    'ALB', 'ARM', 'AZE', 'BLR', 'BIH', 'BGR', 'HRV', 'CZE', 'EST', 'GEO', 'HUN', 'LVA', 'LTU', 'MNE',
    'POL', 'MDA', 'ROU', 'RUS', 'SRB', 'SVK', 'SVN', 'MKD', 'UKR',
  ],
  LATIN_AMERICA_CARIBBEAN: [
    'ATG', 'ARG', 'BHS', 'BRB', 'BLZ', 'BOL', 'BRA', 'CHL', 'COL', 'CRI', 'CUB', 'DMA', 'DOM', 'ECU',
    'SLV', 'GRD', 'GTM', 'GUY', 'HTI', 'HND', 'JAM', 'MEX', 'NIC', 'PAN', 'PRY', 'PER', 'KNA', 'LCA',
    'VCT', 'SUR', 'TTO', 'URY', 'VEN',
  ],
  // The United States is counted here for electoral purposes.
  WEOG: [
    'AND', 'AUS', 'AUT', 'BEL', 'CAN', 'DNK', 'FIN', 'FRA', 'DEU', 'GRC', 'ISL', 'IRL', 'ISR', 'ITA',
    'LIE', 'LUX', 'MLT', 'MCO', 'NLD', 'NZL', 'NOR', 'PRT', 'SMR', 'ESP', 'SWE', 'CHE', 'TUR', 'GBR',
    'USA',
  ],
  OSCE: [
    'ALB', 'AND', 'ARM', 'AUT', 'AZE', 'BLR', 'BEL', 'BIH', 'BGR', 'CAN', 'HRV', 'CYP', 'CZE', 'DNK',
    'EST', 'FIN', 'FRA', 'GEO', 'DEU', 'GRC', 'VAT', 'HUN', 'ISL', 'IRL', 'ITA', 'KAZ', 'KGZ', 'LVA',
    'LIE', 'LTU', 'LUX', 'MLT', 'MDA', 'MCO', 'MNG', 'MNE', 'NLD', 'MKD', 'NOR', 'POL', 'PRT', 'ROU',
    'RUS', 'SMR', 'SRB', 'SVK', 'SVN', 'ESP', 'SWE', 'CHE', 'TJK', 'TUR', 'TKM', 'UKR', 'GBR', 'USA',
    'UZB',
  ],
  CENTRAL_ASIA: ['KAZ', 'KGZ', 'TJK', 'TKM', 'UZB'],
  EU_NEIGHBOURHOOD: [
    // Eastern Partnership
    'ARM', 'AZE', 'BLR', 'GEO', 'MDA', 'UKR',
    // Southern Neighbourhood
    'DZA', 'EGY', 'ISR', 'JOR', 'LBN', 'LBY', 'MAR', 'PSE', 'SYR', 'TUN',
  ],
  // Timor-Leste was admitted as the eleventh member in October 2025.
  ASEAN: ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'TLS', 'VNM'],
  // The Sahrawi Arab Democratic Republic is also a member but is not a UN Member State.
  AFRICAN_UNION: AFRICA,
  // Montserrat, a full member, is a territory rather than a State.
  CARICOM: ['ATG', 'BHS', 'BRB', 'BLZ', 'DMA', 'GRD', 'GUY', 'HTI', 'JAM', 'KNA', 'LCA', 'VCT', 'SUR', 'TTO'],
  PACIFIC_ISLANDS: ['FJI', 'FSM', 'KIR', 'MHL', 'NRU', 'PLW', 'PNG', 'SLB', 'TON', 'TUV', 'VUT', 'WSM'],
};
