import type { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe } from '../../common/validation';
import { CoverageQueryDto } from './coverage-query.dto';

/** The same DTO without its quick path: the query goes through class-transformer and class-validator. */
class FullyCheckedQuery extends CoverageQueryDto {}
Object.defineProperty(FullyCheckedQuery, 'quickQuery', { value: undefined });

const pipe = createValidationPipe();
const GROUP = '3f2c1a9e-5b7d-4c1e-9a2b-7d6e5f4a3b2c';

async function fullyChecked(query: Record<string, unknown>): Promise<object | Error> {
  const metadata: ArgumentMetadata = { type: 'query', metatype: FullyCheckedQuery, data: undefined };
  try {
    return (await pipe.transform({ ...query }, metadata)) as object;
  } catch (error) {
    return error as Error;
  }
}

describe('CoverageQueryDto.quickQuery (issue 20)', () => {
  const plain: Record<string, unknown>[] = [
    { scope: 'group', id: GROUP },
    { scope: 'group', id: GROUP.toUpperCase(), academicYear: '2025' },
    { scope: 'group', id: GROUP, academicYear: '2000', asAt: '2024-02-29' },
    { scope: 'group', id: GROUP, academicYear: '2100', asAt: '2026-03-31' },
    { asAt: '2026-12-31', id: GROUP, scope: 'group' },
    { scope: 'group', id: '00000000-0000-0000-0000-000000000000' },
  ];
  const doubtful: Record<string, unknown>[] = [
    { scope: 'academy', id: GROUP },
    { scope: 'trust' },
    { scope: 'group' },
    { scope: 'group', id: 'not-a-uuid' },
    { scope: 'group', id: '3f2c1a9e-5b7d-0c1e-9a2b-7d6e5f4a3b2c' }, // version 0: not a UUID to isUUID('all')
    { scope: 'group', id: [GROUP, GROUP] },
    { scope: 'group', id: GROUP, academicYear: '1999' },
    { scope: 'group', id: GROUP, academicYear: '2101' },
    { scope: 'group', id: GROUP, academicYear: '02025' },
    { scope: 'group', id: GROUP, academicYear: ' 2025' },
    { scope: 'group', id: GROUP, academicYear: '2025.0' },
    { scope: 'group', id: GROUP, academicYear: '' },
    { scope: 'group', id: GROUP, asAt: '2025-02-29' },
    { scope: 'group', id: GROUP, asAt: '2026-13-01' },
    { scope: 'group', id: GROUP, asAt: '2026-03-31T00:00:00Z' },
    { scope: 'group', id: GROUP, asAt: '20260331' },
    { scope: 'group', id: GROUP, breakdown: 'pupilPremium' },
    { scope: 'group', id: GROUP, page: '1' },
    { scope: 'group', id: GROUP, academicYear: ['2025'] },
  ];

  it.each(plain)('answers the plain class view query %j as the full checks do', async (query) => {
    const quick = CoverageQueryDto.quickQuery(query);
    expect(quick).toBeInstanceOf(CoverageQueryDto);
    const full = await fullyChecked(query);
    expect(full).not.toBeInstanceOf(Error);
    expect({ ...quick }).toEqual({ ...full });
    // The pipe takes the quick path for the real DTO.
    const piped = await pipe.transform({ ...query }, { type: 'query', metatype: CoverageQueryDto });
    expect(piped).toEqual(quick);
  });

  it.each(doubtful)('leaves %j to the full checks', async (query) => {
    expect(CoverageQueryDto.quickQuery(query)).toBeNull();
    // And through the pipe, the real DTO answers exactly what the full checks answer.
    const full = await fullyChecked(query);
    let piped: object | Error;
    try {
      piped = (await pipe.transform({ ...query }, { type: 'query', metatype: CoverageQueryDto })) as object;
    } catch (error) {
      piped = error as Error;
    }
    if (full instanceof Error) {
      expect(piped).toBeInstanceOf(Error);
      expect((piped as { getResponse(): unknown }).getResponse()).toEqual(
        (full as unknown as { getResponse(): unknown }).getResponse(),
      );
    } else {
      expect({ ...piped }).toEqual({ ...full });
    }
  });
});
