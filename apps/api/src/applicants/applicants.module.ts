import { Module } from '@nestjs/common';
import { ApplicantAccountsRepository } from './applicant-accounts.repository';
import { ApplicantsController } from './applicants.controller';
import { ApplicantsService } from './applicants.service';

@Module({ controllers: [ApplicantsController], providers: [ApplicantsService, ApplicantAccountsRepository] })
export class ApplicantsModule {}
