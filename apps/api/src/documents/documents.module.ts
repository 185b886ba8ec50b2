import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { DocumentPdfRenderer } from './document-pdf.renderer';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { IssuedDocumentsRepository } from './issued-documents.repository';
import { VerifyController } from './verify.controller';

@Module({
  imports: [ApplicationsModule],
  controllers: [DocumentsController, VerifyController],
  providers: [DocumentsService, DocumentPdfRenderer, IssuedDocumentsRepository],
  exports: [DocumentsService],
})
export class DocumentsModule {}
