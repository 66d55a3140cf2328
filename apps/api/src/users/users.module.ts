import { Module } from '@nestjs/common';
import { InitialAdminService } from './initial-admin.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController],
  providers: [UsersService, InitialAdminService],
  exports: [UsersService],
})
export class UsersModule {}
