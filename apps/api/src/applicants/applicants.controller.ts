import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import { ApplicantsService } from './applicants.service';
import { ApplicantCodeSendDto, ApplicantConfirmDto } from './dto/applicant-code.dto';
import { ApplicantCreateDto } from './dto/applicant-create.dto';
import { ApplicantLookupDto } from './dto/applicant-lookup.dto';
import { ApplicantCreatedResponseDto, ApplicantResponseDto } from './dto/applicant-response.dto';

const SMS_DOWN = 'The text message could not be sent (SMS_UNAVAILABLE), or PostgreSQL is unavailable: what was written stays; the same request again sends the code';

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
    summary: 'Open an account for a walk-in applicant (the window only); it is PENDING until confirmed by the code texted to the mobile',
    description:
      'Texts a 6-digit code to the mobile. The same name and mobile again answer the same account (created: false) and send nothing new, unless its code never went out. The account has no password: the applicant sets one later.',
  })
  @ApiCreatedResponse({ type: ApplicantCreatedResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid fields (VALIDATION_FAILED)' })
  @ApiServiceUnavailableResponse({ description: SMS_DOWN })
  create(@Body() dto: ApplicantCreateDto): Promise<ApplicantCreatedResponseDto> {
    return this.applicants.create(dto);
  }

  @Post('codes')
  @Roles('WINDOW')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Text a PENDING walk-in account a new code (the window only): at most one a minute; the earlier code stops working' })
  @ApiOkResponse({ type: ApplicantResponseDto, description: 'The account, PENDING, with the new code’s expiry and when the next may be sent' })
  @ApiBadRequestResponse({ description: 'Invalid fields (VALIDATION_FAILED)' })
  @ApiNotFoundResponse({ description: 'No applicant account has this username' })
  @ApiConflictResponse({ description: 'The account is confirmed already (ACCOUNT_ALREADY_CONFIRMED)' })
  @ApiTooManyRequestsResponse({ description: 'A code went less than a minute ago (CONFIRMATION_RESEND_TOO_SOON, details.retryAfterSeconds)' })
  @ApiServiceUnavailableResponse({ description: SMS_DOWN })
  resend(@Body() dto: ApplicantCodeSendDto): Promise<ApplicantResponseDto> {
    return this.applicants.resend(dto.username);
  }

  @Post('confirmations')
  @Roles('WINDOW')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Confirm a walk-in account with the code the applicant reads from their phone (the window only)',
    description: 'Five wrong codes spend a code; a code lasts 5 minutes. The same right code again (a retry) answers the same ACTIVE account.',
  })
  @ApiOkResponse({ type: ApplicantResponseDto, description: 'The account, ACTIVE: the window may file for it' })
  @ApiBadRequestResponse({ description: 'Invalid fields (VALIDATION_FAILED), or the code is wrong (CONFIRMATION_CODE_WRONG at field `code`, details.attemptsLeft)' })
  @ApiNotFoundResponse({ description: 'No applicant account has this username' })
  @ApiConflictResponse({ description: 'The code has expired (CONFIRMATION_CODE_EXPIRED), was spent by too many wrong tries (CONFIRMATION_ATTEMPTS_EXHAUSTED), or the account is confirmed already with another code (ACCOUNT_ALREADY_CONFIRMED)' })
  confirm(@CurrentUser() user: AuthenticatedUser, @Body() dto: ApplicantConfirmDto): Promise<ApplicantResponseDto> {
    return this.applicants.confirm(dto.username, dto.code, user.id);
  }
}
