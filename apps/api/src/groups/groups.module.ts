import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupMembership } from './group-membership.entity';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { LearningGroup } from './learning-group.entity';

@Module({
  imports: [TypeOrmModule.forFeature([LearningGroup, GroupMembership])],
  controllers: [GroupsController],
  providers: [GroupsService],
  exports: [GroupsService],
})
export class GroupsModule {}
