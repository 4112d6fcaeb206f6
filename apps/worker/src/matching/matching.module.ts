import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@app/queue';
import { EventsModule } from '../events/events.module';
import { MatchWriter } from './match-writer.service';
import { MatchingRecovery } from './matching-recovery.service';
import { MatchingDataService } from './matching-data.service';
import { MatchingTriggers } from './matching-triggers';
import { MatchingProcessor } from './matching.processor';
import { WeightsLearning } from './weights-learning.service';

@Module({
  imports: [EventsModule, BullModule.registerQueue({ name: QUEUES.matching })],
  providers: [MatchingDataService, MatchWriter, MatchingProcessor, MatchingTriggers, MatchingRecovery, WeightsLearning],
  exports: [MatchingRecovery],
})
export class MatchingModule {}
