import { Controller, HttpCode, HttpStatus, Ip, NotFoundException, Post } from '@nestjs/common';
import { UuidParam } from '../common/http/routes';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Can } from '../common/access/access.decorator';
import type { AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { SignInThrottle } from './sign-in-throttle';

@ApiTags('users')
@Controller('users')
export class SignInUnlockController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
  ) {}

  /** Clears an account's failed sign-ins, and so its wait: for a user who must sign in now, after an attack. */
  @Post(':id/unlock')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Can('administerTrust')
  @ApiNoContentResponse({ description: "The account's failed sign-ins were cleared." })
  @ApiNotFoundResponse({ description: 'No such user.' })
  async unlock(@UuidParam() id: string, @CurrentUser() admin: AuthUser, @Ip() ip: string): Promise<void> {
    const [user]: { email: string }[] = await this.dataSource.query(
      'SELECT email FROM app_user WHERE id = $1',
      [id],
    );
    if (!user) throw new NotFoundException('No such user.');
    await this.throttle.clearAccount(user.email);
    await this.audit.record({
      userId: admin.id,
      action: 'user.sign_in_unlock',
      entityType: 'user',
      entityId: id,
      ip,
    });
  }
}
