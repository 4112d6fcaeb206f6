import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';
import { Clock } from '@app/common';
import { AssistanceOfferEntity } from '@app/database';
import { decideTransition, OFFER_WORKFLOW, SYSTEM_ROLE } from '@app/domain';
import { retireSuggestions, UnitOfWork } from '@app/outbox';

/** Offers whose available-until date has passed expire on their own (DESIGN §5), one transaction each. */
@Injectable()
export class OfferExpiryService {
  private readonly logger = new Logger(OfferExpiryService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async expireDueOffers(today = this.clock.now().toISOString().slice(0, 10)): Promise<number> {
    const expirable = OFFER_WORKFLOW.rows.find((r) => r.action === 'expire')!.from;
    const due = await this.dataSource.getRepository(AssistanceOfferEntity).find({
      select: { id: true },
      where: { availableUntil: LessThan(today), status: In([...expirable]) },
    });
    let expired = 0;
    for (const { id } of due) {
      const done = await this.uow.run(null, async (tx) => {
        const offer = await tx.manager.findOne(AssistanceOfferEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!offer?.availableUntil || offer.availableUntil >= today) return false;
        const decision = decideTransition(OFFER_WORKFLOW, { status: offer.status, action: 'expire', role: SYSTEM_ROLE });
        if (!decision.ok) return false; // changed meanwhile (closed, say)
        const from = offer.status;
        offer.status = decision.to;
        await tx.manager.save(offer);
        await tx.audit({ subjectType: 'offer', subjectId: id, action: 'expire', fromStatus: from, toStatus: decision.to, comment: `Available until ${offer.availableUntil}` });
        await tx.emit({ type: 'offer.expired', subjectType: 'offer', subjectId: id, payload: { from, to: decision.to } });
        await retireSuggestions(tx, { offerId: id }, 'offer_expired');
        return true;
      });
      if (done) expired++;
    }
    if (expired) this.logger.log(`Expired ${expired} offers`);
    return expired;
  }
}
