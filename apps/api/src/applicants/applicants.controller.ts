import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/roles.decorator';
import { ApplicantsService } from './applicants.service';
import { ApplicantCreateDto } from './dto/applicant-create.dto';
import { ApplicantLookupDto } from './dto/applicant-lookup.dto';
import { ApplicantCreatedResponseDto, ApplicantResponseDto } from './dto/applicant-response.dto';

@ApiTags('window')
@ApiBearerAuth()
@Controller('window/applicants')
export class ApplicantsController {
  constructor(private readonly applicants: ApplicantsService) {}

  // A POST, not a GET with a query: a name and mobile digits do not belong in URLs (access logs, history).
  @Post('lookup')
  @Roles('WINDOW')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Find a walk-in applicant’s account by name and the last four digits of the mobile (the window only); changes nothing' })
  @ApiOkResponse({ type: [ApplicantResponseDto], description: 'The matching accounts, mobiles masked; empty when none' })
  @ApiBadRequestResponse({ description: 'Invalid fields (VALIDATION_FAILED)' })
  lookup(@Body() dto: ApplicantLookupDto): Promise<ApplicantResponseDto[]> {
    return this.applicants.lookup(dto.name, dto.mobileLast4);
  }

  @Post()
  @Roles('WINDOW')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Open an account for a walk-in applicant (the window only)',
    description: 'The account has no password: the applicant sets one after confirming a code sent to the mobile. The same name and mobile again answer the same account (created: false).',
  })
  @ApiCreatedResponse({ type: ApplicantCreatedResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid fields (VALIDATION_FAILED)' })
  create(@Body() dto: ApplicantCreateDto): Promise<ApplicantCreatedResponseDto> {
    return this.applicants.create(dto);
  }
}
