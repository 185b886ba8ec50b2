import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { AdminCasesController, AdminClerksController } from './admin-cases.controller';
import { AdminCasesService } from './admin-cases.service';
import { CaseEventsRepository } from './case-events.repository';
import { StuckCasesRepository } from './stuck-cases.repository';

@Module({
  imports: [ApplicationsModule, ComplaintsModule],
  controllers: [AdminCasesController, AdminClerksController],
  providers: [AdminCasesService, StuckCasesRepository, CaseEventsRepository],
})
export class AdminModule {}
