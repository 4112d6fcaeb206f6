import { z } from 'zod';
import {
  CLOSE_REASONS,
  COMPONENT_KEYS,
  DELIVERY_STATUSES,
  EMAIL_MODES,
  EXPLANATION_OUTCOMES,
  MATCH_ACTIONS,
  MATCH_ORIGINS,
  MATCH_STATUSES,
  NOTIFICATION_CATEGORIES,
  OFFER_ACTIONS,
  OFFER_STATUSES,
  ORGANIZATION_KINDS,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  RESCORE_STATUSES,
  RETIREMENT_REASONS,
  ROLES,
  WEIGHTS_PROPOSAL_STATUSES,
} from './vocabulary';

// The vocabulary (vocabulary.ts) as zod enums: what the view and input schemas use, so a status the workflow
// does not know fails to type-check wherever a view carries it.
export const requestStatusSchema = z.enum(REQUEST_STATUSES);
export const requestActionSchema = z.enum(REQUEST_ACTIONS);
export const closeReasonSchema = z.enum(CLOSE_REASONS);
export const offerStatusSchema = z.enum(OFFER_STATUSES);
export const offerActionSchema = z.enum(OFFER_ACTIONS);
export const matchStatusSchema = z.enum(MATCH_STATUSES);
export const matchActionSchema = z.enum(MATCH_ACTIONS);
export const matchOriginSchema = z.enum(MATCH_ORIGINS);
export const retirementReasonSchema = z.enum(RETIREMENT_REASONS);
export const roleSchema = z.enum(ROLES);
export const organizationKindSchema = z.enum(ORGANIZATION_KINDS);
export const notificationCategorySchema = z.enum(NOTIFICATION_CATEGORIES);
export const emailModeSchema = z.enum(EMAIL_MODES);
export const componentKeySchema = z.enum(COMPONENT_KEYS);
export const rescoreStatusSchema = z.enum(RESCORE_STATUSES);
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export const explanationOutcomeSchema = z.enum(EXPLANATION_OUTCOMES);
export const weightsProposalStatusSchema = z.enum(WEIGHTS_PROPOSAL_STATUSES);
