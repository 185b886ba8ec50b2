import { Body, Controller, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { validationFailed } from '../common/validation';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import { PayloadsDecodeDto } from './dto/payloads-decode.dto';
import { TemporalCodecService } from './temporal-codec.service';

// A Temporal namespace name, as the CLI and Web UI send it in X-Namespace.
const NAMESPACE = /^[A-Za-z0-9._-]{1,255}$/;

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
  @ApiHeader({ name: 'x-namespace', required: true, description: 'The Temporal namespace of the payloads (the CLI and Web UI send it); kept in the audit log', schema: { type: 'string', pattern: NAMESPACE.source } })
  decode(@CurrentUser() user: AuthenticatedUser, @Body() dto: PayloadsDecodeDto, @Headers('x-namespace') namespace?: string): Promise<PayloadsDecodeDto> {
    // Documented as required, so refused when missing: a client generated from the document sends it.
    if (namespace === undefined || !NAMESPACE.test(namespace)) throw validationFailed([{ path: 'x-namespace', messages: ['x-namespace must be the Temporal namespace (header)'] }]);
    return this.codec.decode(user, dto, namespace);
  }
}
