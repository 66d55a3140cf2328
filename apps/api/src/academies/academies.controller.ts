import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Can, SignedIn } from '../common/access/access.decorator';
import { accessScope, type AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { AcademiesService } from './academies.service';
import { Academy } from './academy.entity';
import { CreateAcademyDto } from './dto/create-academy.dto';
import { UpdateAcademyDto } from './dto/update-academy.dto';

@ApiTags('academies')
@Controller('academies')
export class AcademiesController {
  constructor(private readonly service: AcademiesService) {}

  @Get()
  @SignedIn()
  list(@CurrentUser() user: AuthUser): Promise<Academy[]> {
    return this.service.list(accessScope(user));
  }

  @Get(':id')
  @SignedIn()
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<Academy> {
    return this.service.get(id, accessScope(user));
  }

  @Post()
  @Can('administerTrust')
  create(@Body() dto: CreateAcademyDto): Promise<Academy> {
    return this.service.create(dto);
  }

  @Patch(':id')
  @Can('administerTrust')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAcademyDto): Promise<Academy> {
    return this.service.update(id, dto);
  }
}
