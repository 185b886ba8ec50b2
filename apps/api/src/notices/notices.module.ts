import { Module } from '@nestjs/common';
import { NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';

@Module({ controllers: [NoticesController], providers: [NoticesService, NoticesRepository] })
export class NoticesModule {}
