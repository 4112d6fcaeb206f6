import { Module } from '@nestjs/common';
import { PublicEngagementsController } from '../public-register/public-engagements.controller';
import { EngagementsController } from './engagements.controller';
import { EngagementsService } from './engagements.service';

@Module({
  controllers: [EngagementsController, PublicEngagementsController],
  providers: [EngagementsService],
})
export class EngagementsModule {}
