import { Body, Controller, Patch, Post } from '@nestjs/common';
import { UuidParam, Reads } from '../common/http/routes';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Can, SignedIn } from '../common/access/access.decorator';
import { accessScope, type AuthUser } from '../common/access/policy';
import { CurrentUser } from '../common/access/current-user.decorator';
import { AcademiesService } from './academies.service';
import { Academy } from './academy.entity';
import { CreateAcademyDto } from './dto/create-academy.dto';
import { UpdateAcademyDto } from './dto/update-academy.dto';
import { AcademyResponseDto } from './dto/academy-response.dto';

@ApiTags('academies')
@Controller('academies')
export class AcademiesController {
  constructor(private readonly service: AcademiesService) {}

  @SignedIn()
  @Reads('List the academies the caller can see', [AcademyResponseDto])
  list(@CurrentUser() user: AuthUser): Promise<Academy[]> {
    return this.service.list(accessScope(user));
  }

  @SignedIn()
  @Reads('Read an academy', AcademyResponseDto, ':id')
  get(@UuidParam() id: string, @CurrentUser() user: AuthUser): Promise<Academy> {
    return this.service.get(id, accessScope(user));
  }

  @Post()
  @Can('administerTrust')
  @ApiOperation({ summary: 'Add an academy to the trust' })
  @ApiCreatedResponse({ type: AcademyResponseDto })
  create(@Body() dto: CreateAcademyDto): Promise<Academy> {
    return this.service.create(dto);
  }

  @Patch(':id')
  @Can('administerTrust')
  @ApiOperation({ summary: 'Change an academy (server-owned fields sent back are ignored)' })
  @ApiOkResponse({ type: AcademyResponseDto })
  update(@UuidParam() id: string, @Body() dto: UpdateAcademyDto): Promise<Academy> {
    return this.service.update(id, dto);
  }
}
