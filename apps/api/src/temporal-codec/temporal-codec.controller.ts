import { Body, Controller, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import { PayloadsDecodeDto } from './dto/payloads-decode.dto';
import { TemporalCodecService } from './temporal-codec.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('temporal-codec')
export class TemporalCodecController {
  constructor(private readonly codec: TemporalCodecService) {}

  @Post('decode')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Codec server for Temporal Web UI / CLI (`--codec-endpoint <api>/temporal-codec`): decrypts payloads for admins; audited' })
  @ApiOkResponse({ type: PayloadsDecodeDto })
  decode(@CurrentUser() user: AuthenticatedUser, @Body() dto: PayloadsDecodeDto, @Headers('x-namespace') namespace?: string): Promise<PayloadsDecodeDto> {
    return this.codec.decode(user, dto, namespace);
  }
}
