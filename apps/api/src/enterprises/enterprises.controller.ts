import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import { EnterpriseListQueryDto } from './dto/enterprise-list-query.dto';
import { EnterpriseListResponseDto, EnterpriseResponseDto } from './dto/enterprise-response.dto';
import { EnterprisesService } from './enterprises.service';

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Get()
  @Roles('APPLICANT', 'WINDOW', 'ADMIN')
  @ApiOperation({ summary: 'The register of enterprises: an applicant\'s own ("my enterprises", as legal representative); a window clerk or admin finds one by USCC' })
  @ApiOkResponse({ type: EnterpriseListResponseDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: EnterpriseListQueryDto): Promise<EnterpriseListResponseDto> {
    return this.enterprises.list(user, query.uscc);
  }

  @Get(':id')
  @Roles('APPLICANT', 'WINDOW', 'ADMIN')
  @ApiOperation({ summary: 'One enterprise: its registered facts (personal data masked) and its history of cases' })
  @ApiOkResponse({ type: EnterpriseResponseDto })
  @ApiNotFoundResponse({ description: 'No such enterprise, or (for an applicant) not one they represent' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<EnterpriseResponseDto> {
    return this.enterprises.get(user, id);
  }
}
