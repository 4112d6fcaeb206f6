import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { ActionPlanExportController, ActionPlanItemsController, ActionPlansController } from './action-plans.controller';
import { ActionPlansService } from './action-plans.service';

@Module({
  imports: [RequestsModule],
  controllers: [ActionPlansController, ActionPlanItemsController, ActionPlanExportController],
  providers: [ActionPlansService],
  exports: [ActionPlansService],
})
export class ActionPlansModule {}
