import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { UsersService } from './users.service';

/** Creates the first trust administrator from INITIAL_ADMIN_* when the database has no user yet. */
@Injectable()
export class InitialAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(InitialAdminService.name);

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const {
      INITIAL_ADMIN_EMAIL: email,
      INITIAL_ADMIN_PASSWORD: password,
      INITIAL_ADMIN_NAME: name,
    } = this.config;
    if (!email || !password) return;
    if ((await this.users.countUsers()) > 0) return;
    await this.users.create(
      {
        email,
        password,
        name: name ?? 'Trust administrator',
        roles: ['trust_admin'],
        academyIds: [],
        groupIds: [],
      },
      null,
      null,
    );
    this.logger.log('Created the first trust administrator from INITIAL_ADMIN_EMAIL');
  }
}
