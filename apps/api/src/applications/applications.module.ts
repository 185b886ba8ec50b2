import { UsersRepository } from '../auth/users.repository';
import { Module } from '@nestjs/common';
import { ProcessesModule } from '../processes/processes.module';
import { TasksRepository } from '../tasks/tasks.repository';
import { ApplicationRulesController } from './application-rules.controller';
import { ApplicationRulesService } from './application-rules.service';
import { RegisteredNamesRepository } from './registered-names.repository';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { CasePolicyService } from './case-policy.service';
import { CaseReader } from './case-reader.service';
import { CasesRepository } from './cases.repository';
import { CorrectionsRepository } from './corrections.repository';
import { ProcessApplicationsController } from './process-applications.controller';

@Module({
  imports: [ProcessesModule],
  controllers: [ApplicationsController, ProcessApplicationsController, ApplicationRulesController],
  providers: [ApplicationsService, ApplicationRulesService, CasePolicyService, CaseReader, CasesRepository, CorrectionsRepository, RegisteredNamesRepository, TasksRepository, UsersRepository],
  exports: [CaseReader, CasesRepository, TasksRepository, UsersRepository, ProcessesModule],
})
export class ApplicationsModule {}
