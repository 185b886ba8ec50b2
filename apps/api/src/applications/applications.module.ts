import { Module } from '@nestjs/common';
import { ApplicationRulesController } from './application-rules.controller';
import { ApplicationRulesService } from './application-rules.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { CasePolicyService } from './case-policy.service';
import { CaseReader } from './case-reader.service';

@Module({
  controllers: [ApplicationsController, ApplicationRulesController],
  providers: [ApplicationsService, ApplicationRulesService, CasePolicyService, CaseReader],
  exports: [CaseReader],
})
export class ApplicationsModule {}
