import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/roles.decorator';
import { ApplicantsService } from './applicants.service';
import { ApplicantCreateDto } from './dto/applicant-create.dto';
import { ApplicantLookupQueryDto } from './dto/applicant-lookup-query.dto';
import { ApplicantCreatedResponseDto, ApplicantResponseDto } from './dto/applicant-response.dto';

@ApiTags('window')
@ApiBearerAuth()
@Controller('window/applicants')
export class ApplicantsController {
  constructor(private readonly applicants: ApplicantsService) {}

  @Get()
  @Roles('WINDOW')
  @ApiOperation({ summary: 'Find a walk-in applicant’s account by name and the last four digits of the mobile (the window only)' })
  @ApiOkResponse({ type: [ApplicantResponseDto], description: 'The matching accounts, mobiles masked; empty when none' })
  lookup(@Query() query: ApplicantLookupQueryDto): Promise<ApplicantResponseDto[]> {
    return this.applicants.lookup(query.name, query.mobileLast4);
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
