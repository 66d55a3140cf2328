import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  ParseUUIDPipe,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/access/policy';
import { SignedIn } from '../common/access/access.decorator';
import { CurrentUser } from '../common/access/current-user.decorator';
import { BearerTokenListingDto } from './dto/auth-responses.dto';
import { SessionService } from './session.service';

interface BearerTokenRow {
  handle: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  current: boolean;
}

/** A token as its owner sees it: never the token, only a handle to revoke it by. */
export interface BearerTokenListing {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  /** True for the token this request was made with. */
  current: boolean;
}

/** A uuid-shaped handle: the first 128 bits of the stored hash, so ids look like every other id of the API. */
const HANDLE_SQL = `(substr(id, 1, 8) || '-' || substr(id, 9, 4) || '-' || substr(id, 13, 4) || '-' || substr(id, 17, 4) || '-' || substr(id, 21, 12))::uuid`;

/**
 * The caller's own bearer tokens (scripts' sign-ins): listed, and revoked one by one. A token's `id` is a
 * handle derived from the stored hash (itself a hash of the token), so the list holds nothing usable.
 */
@ApiTags('auth')
@Controller('auth/tokens')
export class BearerTokensController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: "The caller's bearer tokens (handles only), newest first" })
  @ApiOkResponse({ type: [BearerTokenListingDto], description: "The caller's bearer tokens, newest first." })
  async list(@CurrentUser() user: AuthUser): Promise<BearerTokenListing[]> {
    const rows: BearerTokenRow[] = await this.dataSource.query(
      `SELECT ${HANDLE_SQL} AS handle, created_at, last_seen_at, expires_at, id = $2 AS current
         FROM user_session WHERE user_id = $1 AND kind = 'bearer' AND expires_at > now()
        ORDER BY created_at DESC`,
      [user.id, user.sessionId ?? null],
    );
    return rows.map((row) => ({
      id: row.handle,
      createdAt: row.created_at.toISOString(),
      lastUsedAt: row.last_seen_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      current: row.current,
    }));
  }

  @Delete(':id')
  @SignedIn()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Revoke one of the caller's bearer tokens" })
  @ApiNoContentResponse({ description: 'The token no longer signs anything in.' })
  @ApiNotFoundResponse({ description: 'No such token of yours.' })
  async revoke(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    const [row]: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM user_session WHERE user_id = $1 AND kind = 'bearer' AND ${HANDLE_SQL} = $2::uuid`,
      [user.id, id],
    );
    if (!row) throw new NotFoundException('No such token.');
    await this.sessions.end(row.id);
    await this.audit.record({
      userId: user.id,
      action: 'auth.token_revoked',
      entityType: 'user',
      entityId: user.id,
    });
  }
}
