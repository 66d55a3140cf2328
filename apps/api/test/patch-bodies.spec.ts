import { plainToInstance } from 'class-transformer';
import { UpdateAcademyDto } from '../src/academies/dto/update-academy.dto';
import { UpdateEncounterDto } from '../src/encounters/dto/update-encounter.dto';
import { UpdateGuidanceMeetingDto } from '../src/guidance-meetings/dto/update-guidance-meeting.dto';
import { UpdateOrganisationDto } from '../src/organisations/dto/update-organisation.dto';
import { UpdateUserDto } from '../src/users/dto/update-user.dto';

/**
 * A PATCH changes only what it was sent. `PartialType` copies the create DTO's property initialisers
 * into the update DTO, so a default there (`academyIds = []`) would arrive as if sent and overwrite the
 * stored value: every update DTO must come out of an empty body empty.
 */
describe(`${UpdateUserDto.name} and every other PATCH body`, () => {
  it.each([
    [UpdateUserDto.name, UpdateUserDto],
    [UpdateOrganisationDto.name, UpdateOrganisationDto],
    [UpdateEncounterDto.name, UpdateEncounterDto],
    [UpdateGuidanceMeetingDto.name, UpdateGuidanceMeetingDto],
    [UpdateAcademyDto.name, UpdateAcademyDto],
  ])('%s holds no value that was not sent', (_name, type) => {
    const sut = plainToInstance(type as new () => object, {});
    expect(Object.entries(sut).filter(([, value]) => value !== undefined)).toEqual([]);
  });

  it('keeps what was sent, and only that', () => {
    const sut = plainToInstance(UpdateUserDto, { active: true });
    expect(Object.entries(sut).filter(([, value]) => value !== undefined)).toEqual([['active', true]]);
  });
});
