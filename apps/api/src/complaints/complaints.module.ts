import { ComplaintsRepository } from './complaints.repository';
import { NotificationsRepository } from './notifications.repository';
import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsService } from './complaints.service';

@Module({ imports: [ApplicationsModule], controllers: [ComplaintsController], providers: [ComplaintsService, ComplaintsRepository, NotificationsRepository], exports: [ComplaintsService, NotificationsRepository] })
export class ComplaintsModule {}
