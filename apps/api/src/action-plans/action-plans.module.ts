import { Module } from '@nestjs/common';
import { PublicActionPlansController } from '../public-register/public-action-plans.controller';
import { RequestsModule } from '../requests/requests.module';
import { ActionPlanExportController, ActionPlanItemsController, ActionPlansController } from './action-plans.controller';
import { ActionPlansService } from './action-plans.service';

@Module({
  imports: [RequestsModule],
  controllers: [ActionPlansController, ActionPlanItemsController, ActionPlanExportController, PublicActionPlansController],
  providers: [ActionPlansService],
  exports: [ActionPlansService],
})
export class ActionPlansModule {}
