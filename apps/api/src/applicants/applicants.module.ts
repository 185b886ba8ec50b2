import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ApplicantAccountsRepository } from './applicant-accounts.repository';
import { ApplicantsController } from './applicants.controller';
import { ApplicantsService } from './applicants.service';
import { WalkInCodes } from './walk-in-codes';

@Module({ imports: [NotificationsModule], controllers: [ApplicantsController], providers: [ApplicantsService, ApplicantAccountsRepository, WalkInCodes] })
export class ApplicantsModule {}
