import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';
import { Clock } from '@app/common';
import { AssistanceOfferEntity } from '@app/database';
import { OFFER_WORKFLOW } from '@app/domain';
import { executeSystemStep, OFFER_LIFECYCLE, retireSuggestions, UnitOfWork } from '@app/outbox';

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
        const step = await executeSystemStep(tx, OFFER_LIFECYCLE, offer, { action: 'expire', comment: `Available until ${offer.availableUntil}` });
        if (!step) return false; // changed meanwhile (closed, say)
        await retireSuggestions(tx, { offerId: id }, 'offer_expired');
        return true;
      });
      if (done) expired++;
    }
    if (expired) this.logger.log(`Expired ${expired} offers`);
    return expired;
  }
}
