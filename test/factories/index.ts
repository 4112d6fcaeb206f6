import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/http';

const tag = () => randomUUID().slice(0, 6);

/** A valid request body; override what a test is about. */
export function requestInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `Drafting the national control list of dual-use items ${tag()}`,
    description: 'Expert help to draft a national list of dual-use goods aligned with the multilateral export control regimes.',
    provisions: ['OP3d'],
    domains: ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL'],
    assistanceTypes: ['LEGISLATIVE', 'EXPERTISE'],
    targetInstitutions: ['LICENSING'],
    priority: 'high',
    languages: ['en', 'mn'],
    visibility: 'public',
    ...overrides,
  };
}

export function offerInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `Export control outreach and legal drafting ${tag()}`,
    description: 'Legal and technical assistance on dual-use export controls, control lists and licensing practice.',
    programme: 'Export control outreach',
    provisions: ['OP3d'],
    domains: ['NUCLEAR', 'CHEMICAL', 'BIOLOGICAL'],
    assistanceTypes: ['LEGISLATIVE', 'TRAINING'],
    targetInstitutions: ['LICENSING', 'CUSTOMS_BORDER'],
    eligibleRegions: ['ASIA_PACIFIC'],
    deliveryModes: ['IN_COUNTRY', 'VIRTUAL'],
    languages: ['en', 'ru'],
    capacity: { engagements: 3 },
    ...overrides,
  };
}

/** Drafts a request as `author` and drives it to `circulated` (objection window waived). */
export async function circulatedRequest(baseUrl: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const agency = await ApiClient.as(baseUrl, 'customs');
  const coordinator = await ApiClient.as(baseUrl, 'coordinator');
  const expert = await ApiClient.as(baseUrl, 'expert');
  const created = await agency.post('/api/v1/requests', requestInput({ objectionWindowWaived: true, ...overrides }));
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  let r = created.body;
  for (const [client, action] of [[coordinator, 'submit'], [expert, 'acknowledge'], [expert, 'circulate']] as const) {
    const res = await client.post(`/api/v1/requests/${r.id}/transitions`, { action, version: r.version });
    if (res.status !== 200) throw new Error(`${action}: ${JSON.stringify(res.body)}`);
    r = res.body;
  }
  return r;
}

/** Creates an offer as `provider` and has the committee verify it. */
export async function activeOffer(baseUrl: string, provider: 'bafa' | 'exbs' | 'wco' | 'osce' | 'unoda' | 'japan' = 'bafa', overrides: Record<string, unknown> = {}): Promise<any> {
  const donor = await ApiClient.as(baseUrl, provider);
  const expert = await ApiClient.as(baseUrl, 'expert');
  const created = await donor.post('/api/v1/offers', offerInput(overrides));
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  await donor.post(`/api/v1/offers/${created.body.id}/transitions`, { action: 'submit' });
  const verified = await expert.post(`/api/v1/offers/${created.body.id}/transitions`, { action: 'verify' });
  if (verified.status !== 200) throw new Error(JSON.stringify(verified.body));
  return verified.body;
}
