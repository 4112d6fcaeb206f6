import { Module } from '@nestjs/common';
import { PublicEngagementsController } from '../public-register/public-engagements.controller';
import { EngagementExportController, EngagementsController } from './engagements.controller';
import { EngagementsService } from './engagements.service';

@Module({
  controllers: [EngagementsController, EngagementExportController, PublicEngagementsController],
  providers: [EngagementsService],
})
export class EngagementsModule {}
