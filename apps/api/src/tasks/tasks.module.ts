import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ imports: [ApplicationsModule], controllers: [TasksController], providers: [TasksService] })
export class TasksModule {}
