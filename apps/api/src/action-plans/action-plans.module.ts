import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { ActionPlanItemsController, ActionPlansController } from './action-plans.controller';
import { ActionPlansService } from './action-plans.service';

@Module({
  imports: [RequestsModule],
  controllers: [ActionPlansController, ActionPlanItemsController],
  providers: [ActionPlansService],
  exports: [ActionPlansService],
})
export class ActionPlansModule {}
