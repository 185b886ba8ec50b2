import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/public.decorator';
import { DocumentsService } from './documents.service';
import { DocumentCodeParamsDto } from './dto/document-params.dto';
import { DocumentVerifyResponseDto } from './dto/document-verify-response.dto';

@ApiTags('documents')
@Controller('verify')
export class VerifyController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':code')
  @Public()
  @ApiOperation({ summary: "Anyone: is this document genuine and in force? Its signature checked; no personal data in the answer" })
  @ApiOkResponse({ type: DocumentVerifyResponseDto })
  @ApiNotFoundResponse({ description: 'No document has this code' })
  verify(@Param() params: DocumentCodeParamsDto): Promise<DocumentVerifyResponseDto> {
    return this.documents.verify(params.code);
  }
}
