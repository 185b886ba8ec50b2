import { Body, Controller, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CONNECTOR_HEADERS } from '@onetrip/infrastructure';
import { Public } from '../common/public.decorator';
import { ConnectorSignatureGuard } from './connector-signature.guard';
import { ConnectorsService } from './connectors.service';
import { ConnectorCallbackDto, ConnectorCallbackResponseDto } from './dto/connector-callback.dto';

@ApiTags('connectors')
@Controller('connectors')
export class ConnectorsController {
  constructor(private readonly connectors: ConnectorsService) {}

  // No bearer token: a department system signs the request with its secret instead (docs/connectors.md).
  @Post(':department/callbacks')
  @Public()
  @UseGuards(ConnectorSignatureGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "A department system's decision on a task it accepted with 202 (signed HMAC-SHA256; the same callback twice decides once)" })
  @ApiHeader({ name: CONNECTOR_HEADERS.timestamp, required: true, description: 'Unix seconds; refused outside ±5 minutes' })
  @ApiHeader({ name: CONNECTOR_HEADERS.nonce, required: true, description: '16-128 characters [A-Za-z0-9_-], never reused' })
  @ApiHeader({ name: CONNECTOR_HEADERS.digest, required: true, description: "Hex SHA-256 of the body's bytes" })
  @ApiHeader({ name: CONNECTOR_HEADERS.signature, required: true, description: 'v1=<hex HMAC-SHA256 of the canonical request>' })
  @ApiOkResponse({ type: ConnectorCallbackResponseDto })
  @ApiUnauthorizedResponse({ description: 'SIGNATURE_INVALID: unsigned, forged, stale or replayed (nothing changed)' })
  @ApiNotFoundResponse({ description: 'No such task for this department system' })
  @ApiConflictResponse({ description: 'TASK_NOT_OPEN, CASE_CLOSED: the task was decided otherwise, superseded or cancelled' })
  callback(@Param('department') department: string, @Body() dto: ConnectorCallbackDto): Promise<ConnectorCallbackResponseDto> {
    return this.connectors.callback(department, dto);
  }
}
