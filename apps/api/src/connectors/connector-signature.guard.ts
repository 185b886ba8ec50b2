import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { parseDepartmentSecrets, verifyRequest } from '@onetrip/infrastructure';
import { AppError } from '../common/app-error';
import type { RequestWithRawBody } from '../common/http-defences';
import { ApiConfig } from '../config/api.config';
import { ConnectorNoncesRepository } from './connector-nonces.repository';

/**
 * A department system's callback must be signed with that department's secret (docs/connectors.md): checked before
 * the body is validated or anything is read, so a forged, unsigned, stale or replayed callback gets 401 and changes
 * nothing. A department with no secret configured is refused the same way (nothing tells which departments exist).
 */
@Injectable()
export class ConnectorSignatureGuard implements CanActivate {
  private readonly logger = new Logger(ConnectorSignatureGuard.name);
  private readonly secrets: ReadonlyMap<string, Buffer>;

  constructor(
    config: ApiConfig,
    private readonly nonces: ConnectorNoncesRepository,
  ) {
    this.secrets = parseDepartmentSecrets(config.DEPARTMENT_SYSTEM_SECRETS);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithRawBody>();
    const department = String(request.params.department ?? '');
    const secret = this.secrets.get(department);
    const refuse = (why: string): never => {
      // Codes and the department only: never the body (it may quote a form).
      this.logger.warn(`department callback refused (${department.slice(0, 32)}): ${why}`);
      throw new AppError('SIGNATURE_INVALID', 'The callback is not signed by this department system: refused, nothing changed');
    };
    if (!secret) return refuse('no secret configured');
    const now = new Date();
    const check = verifyRequest(secret, { method: request.method, path: request.originalUrl, body: request.rawBody ?? Buffer.alloc(0), headers: request.headers }, now);
    if (!check.ok) return refuse(check.problem);
    if (!(await this.nonces.remember(department, check.nonce, now))) return refuse('REPLAYED');
    return true;
  }
}
