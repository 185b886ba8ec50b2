import { Module } from '@nestjs/common';
import { AdminProcessesController } from './admin-processes.controller';
import { ProcessDefinitionsRepository } from './process-definitions.repository';
import { ProcessDefinitionsService } from './process-definitions.service';
import { ProcessesController } from './processes.controller';

/** Versioned process definitions: the public catalog, the admins' versions, and lookups for the engine. */
@Module({
  controllers: [ProcessesController, AdminProcessesController],
  providers: [ProcessDefinitionsRepository, ProcessDefinitionsService],
  exports: [ProcessDefinitionsService],
})
export class ProcessesModule {}
