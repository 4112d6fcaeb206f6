import { Module } from '@nestjs/common';
import { StateTimelineController } from './state-timeline.controller';
import { StateTimelineService } from './state-timeline.service';

@Module({
  controllers: [StateTimelineController],
  providers: [StateTimelineService],
})
export class StateTimelineModule {}
