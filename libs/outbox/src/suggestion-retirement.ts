import { MATCH_EVENT, type RetirementReason } from '@app/domain';
import type { Tx } from './unit-of-work';

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
  const [column, id] = 'requestId' in of ? ['request_id', of.requestId] : ['offer_id', of.offerId];
  // A CTE so the driver returns the rows (an UPDATE … RETURNING alone comes back as [rows, count]).
  const retired: { id: string; request_id: string; offer_id: string }[] = await tx.manager.query(
    `WITH retired AS (
       UPDATE matches SET status = 'retired', retired_reason = $2, version = version + 1, updated_at = now()
        WHERE ${column} = $1 AND status = 'suggested'
        RETURNING id, request_id, offer_id)
     SELECT * FROM retired ORDER BY id`,
    [id, reason],
  );
  for (const match of retired) {
    await tx.audit({ subjectType: 'match', subjectId: match.id, action: 'retire', fromStatus: 'suggested', toStatus: 'retired', reason, bySystem: true });
    await tx.emit({
      type: MATCH_EVENT.retire,
      subjectType: 'match',
      subjectId: match.id,
      payload: { from: 'suggested', to: 'retired', reason, requestId: match.request_id, offerId: match.offer_id },
    });
  }
  return retired.length;
}
