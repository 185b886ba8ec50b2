import { Controller, Get, Param, ParseIntPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import { DocumentsService } from './documents.service';
import { CaseDocumentDto } from './dto/case-document.dto';

function sendPdf(response: Response, document: { code: string; pdf: Buffer }, name: string): void {
  response.setHeader('Content-Type', 'application/pdf');
  response.setHeader('Content-Disposition', `inline; filename="${name}-${document.code}.pdf"`);
  response.setHeader('Cache-Control', 'private, no-store');
  response.setHeader('X-Document-Code', document.code);
  response.end(document.pdf);
}

@ApiTags('documents')
@ApiBearerAuth()
@Controller('cases')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':id/documents')
  @Roles('APPLICANT', 'WINDOW', 'ADMIN')
  @ApiOperation({ summary: "The case's documents: each correction notice, and the completion notice once completed" })
  @ApiOkResponse({ type: [CaseDocumentDto] })
  @ApiNotFoundResponse({ description: 'No such case, or not yours' })
  list(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<CaseDocumentDto[]> {
    return this.documents.list(user, id);
  }

  @Get(':id/outcome.pdf')
  @Roles('APPLICANT', 'WINDOW', 'ADMIN')
  @ApiOperation({ summary: 'The completion notice (办结通知书) of a completed case, signed, with its verify QR code' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF; X-Document-Code names the document' })
  @ApiNotFoundResponse({ description: 'No such case, or not yours' })
  @ApiConflictResponse({ description: 'DOCUMENT_NOT_READY: the case is not completed' })
  async outcome(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Res() response: Response): Promise<void> {
    sendPdf(response, await this.documents.outcomePdf(user, id), 'outcome');
  }

  @Get(':id/corrections/:round.pdf')
  @Roles('APPLICANT', 'WINDOW', 'ADMIN')
  @ApiOperation({ summary: 'The correction notice (补正通知书) of one round, signed, with its verify QR code' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF; X-Document-Code names the document' })
  @ApiNotFoundResponse({ description: 'No such case, or not yours' })
  @ApiConflictResponse({ description: 'DOCUMENT_NOT_READY: no correction notice of that round' })
  async correction(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Param('round', ParseIntPipe) round: number, @Res() response: Response): Promise<void> {
    sendPdf(response, await this.documents.correctionPdf(user, id, round), `correction-${round}`);
  }
}
