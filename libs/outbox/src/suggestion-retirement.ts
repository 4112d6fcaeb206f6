import { MatchEntity } from '@app/database';
import { sqlValue } from '@app/common';
import type { MatchStatus, RetirementReason } from '@app/domain';
import { MATCH_LIFECYCLE } from './lifecycles';
import type { Tx } from './unit-of-work';
import { executeSystemStep } from './workflow-executor';

/**
 * When a request or an offer leaves matching, its open suggestions are retired in the same transaction
 * (DESIGN §5): they can no longer be endorsed, no queue counts them, and each gets a history entry and an event
 * saying why. Matches a person has acted on (endorsed and later) are not suggestions and are left alone.
 */
export async function retireSuggestions(
  tx: Tx,
  of: { requestId: string } | { offerId: string },
  reason: RetirementReason,
): Promise<number> {
  const suggestions = await tx.manager
    .createQueryBuilder(MatchEntity, 'm')
    .where('requestId' in of ? 'm.request_id = :id' : 'm.offer_id = :id', { id: 'requestId' in of ? of.requestId : of.offerId })
    .andWhere(`m.status = ${sqlValue('suggested' satisfies MatchStatus)}`)
    .orderBy('m.id')
    .setLock('pessimistic_write')
    .getMany();
  let retired = 0;
  for (const match of suggestions) {
    const step = await executeSystemStep(tx, MATCH_LIFECYCLE, match, {
      action: 'retire',
      reason,
      prepare: (suggestion) => {
        suggestion.retiredReason = reason;
      },
    });
    if (step) retired++;
  }
  return retired;
}
