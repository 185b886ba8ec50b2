import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Public } from '../common/public.decorator';
import { Roles } from '../common/roles.decorator';
import { ObjectionCreateDto } from './dto/objection-create.dto';
import { ObjectionDto, ObjectionListDto, PublicNoticeListDto } from './dto/notice-response.dto';
import { NoticesService } from './notices.service';

@ApiTags('notices')
@Controller('notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Enterprises in their notice period now (公示期): name, code and dates only, soonest ending first' })
  @ApiOkResponse({ type: PublicNoticeListDto })
  list(): Promise<PublicNoticeListDto> {
    return this.notices.list();
  }

  @Post(':caseId/objections')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Object to a case in its notice period (anyone signed in); a SAMR clerk rules on it. Idempotent by clientKey' })
  @ApiCreatedResponse({ type: ObjectionDto })
  @ApiNotFoundResponse({ description: 'No such case' })
  @ApiConflictResponse({ description: 'NOTICE_NOT_OPEN: not in a notice period taking objections; IDEMPOTENCY_KEY_REUSED: the key names another objection' })
  raise(@CurrentUser() user: AuthenticatedUser, @Param('caseId') caseId: string, @Body() dto: ObjectionCreateDto): Promise<ObjectionDto> {
    return this.notices.raise(user, caseId, dto);
  }

  @Get(':caseId/objections')
  @ApiBearerAuth()
  @Roles('CLERK', 'ADMIN')
  @ApiOperation({ summary: "The objections to a case, for the clerk who rules on them (personal data in the reasons masked)" })
  @ApiOkResponse({ type: ObjectionListDto })
  objections(@Param('caseId') caseId: string): Promise<ObjectionListDto> {
    return this.notices.objections(caseId);
  }
}
