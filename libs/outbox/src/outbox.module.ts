import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { QUEUES } from '@app/queue';
import { OutboxRelay } from './outbox-relay';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.events }, { name: QUEUES.matchingEvents })],
  providers: [OutboxRelay, UnitOfWork],
  exports: [OutboxRelay, UnitOfWork],
})
export class OutboxModule {}
