import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganisationsService } from '../src/organisations/organisations.service';
import {
  startWithEncounterFixtures,
  signedInTeacherOf,
  encounterBody,
  type EncounterFixtures,
} from './encounters.fixtures';
import { type SignedInAgent, signedInUser } from './sign-in';

describe(`${OrganisationsService.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let fx: EncounterFixtures;
  let lead: SignedInAgent;
  let leadOfB: SignedInAgent;
  let teacher: SignedInAgent;
  let admin: SignedInAgent;

  const count = async () => Number((await dataSource.query(`SELECT count(*) FROM organisation`))[0].count);

  beforeAll(async () => {
    ({ app, dataSource, fx } = await startWithEncounterFixtures({ urnA: '940001', urnB: '940002' }));
    lead = await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyA] });
    leadOfB = await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyB] });
    teacher = await signedInTeacherOf(app, fx, '10A');
    admin = await signedInUser(app, ['trust_admin']);
  });

  afterAll(async () => {
    await app.close();
  });

  it('creates an organisation with sectors, size, contact and notes, and audits it', async () => {
    const given = {
      type: 'employer',
      sectors: ['Engineering and manufacturing', 'Creative and design'],
      sizeBand: 'large',
      offersTechnicalEducation: true,
      contact: { name: 'Priya Shah', email: 'priya.shah@spode.example', phone: '01782 000111' },
    };
    const response = await lead
      .post('/api/organisations')
      .send({ ...given, name: '  Spode Ceramics Ltd ', notes: 'Takes Year 10 work experience in July.' })
      .expect(201);
    // The name comes back trimmed, everything else as given, and nothing logged yet.
    expect(response.body).toMatchObject({
      ...given,
      name: 'Spode Ceramics Ltd',
      engagement: { encounters: 0, learners: 0, lastEncounterOn: null },
    });
    const [entry] = await dataSource.query(
      `SELECT user_id FROM audit_entry WHERE action = 'organisation.create' AND entity_id = $1`,
      [response.body.id],
    );
    expect(entry.user_id).toBe(lead.userId);
  });

  it('defaults what a quick inline create leaves out', async () => {
    const response = await lead.post('/api/organisations').send({ name: 'Burslem Bakery', type: 'employer' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      sectors: [],
      sizeBand: null,
      offersTechnicalEducation: false,
      contact: null,
    });
  });

  it('answers 409 with the existing id for a name already in the directory (any case)', async () => {
    const first = await lead
      .post('/api/organisations')
      .send({ name: 'Longton Logistics', type: 'employer' })
      .expect(201);
    const before = await count();
    const second = await leadOfB
      .post('/api/organisations')
      .send({ name: 'LONGTON LOGISTICS', type: 'employer' })
      .expect(409);
    expect(second.body).toMatchObject({ existingId: first.body.id });
    expect(await count()).toBe(before);
  });

  it.each([
    ['an unknown type', { type: 'pub' }, /type/],
    ['an unknown sector', { sectors: ['Pottery throwing'] }, /sectors/],
    ['an unknown size band', { sizeBand: 'huge' }, /sizeBand/],
    ['an over-long name', { name: 'x'.repeat(201) }, /name/],
    ['an empty name', { name: '   ' }, /name/],
    ['a bad contact email', { contact: { email: 'not-an-email' } }, /contact\.email/],
    ['over-long notes', { notes: 'x'.repeat(5001) }, /notes/],
    ['an unknown field', { website: 'https://example.org' }, /website/],
  ])('refuses %s with 400 naming the field, writing nothing', async (_name, overrides, field) => {
    const before = await count();
    const response = await lead
      .post('/api/organisations')
      .send({ name: 'Refused Ltd', type: 'employer', ...overrides })
      .expect(400);
    expect(response.body.message).toMatch(field);
    expect(await count()).toBe(before);
  });

  it('lets every signed-in member of staff read the directory, and only careers leads and trust admins write it', async () => {
    const list = await teacher.get('/api/organisations').expect(200);
    expect(list.body.total).toBeGreaterThan(0);
    await teacher.get(`/api/organisations/${fx.organisations.college}`).expect(200);
    await teacher.post('/api/organisations').send({ name: 'Teacher Ltd', type: 'employer' }).expect(403);
    await teacher.patch(`/api/organisations/${fx.organisations.college}`).send({ notes: 'x' }).expect(403);
    await admin
      .patch(`/api/organisations/${fx.organisations.college}`)
      .send({ notes: 'Open evening in March' })
      .expect(200);
  });

  it('searches by any part of the name, starts-with first, and filters by type and sector, paged', async () => {
    await lead.post('/api/organisations').send({ name: 'Stoke Potters Guild', type: 'other' }).expect(201);
    await lead
      .post('/api/organisations')
      .send({ name: 'Potteries Engineering', type: 'employer' })
      .expect(201);
    const search = await lead.get('/api/organisations?q=POTTER').expect(200);
    const names = search.body.items.map((item: { name: string }) => item.name);
    expect(names[0].startsWith('Potter')).toBe(true);
    expect(names).toContain('Stoke Potters Guild');
    expect(names.every((name: string) => name.toLowerCase().includes('potter'))).toBe(true);
    const percent = await lead.get('/api/organisations?q=%25').expect(200);
    expect(percent.body.total).toBe(0);
    const colleges = await lead.get('/api/organisations?type=further_education').expect(200);
    expect(colleges.body.items.map((item: { id: string }) => item.id)).toEqual([fx.organisations.college]);
    const digital = await lead
      .get(`/api/organisations?sector=${encodeURIComponent('Engineering and manufacturing')}`)
      .expect(200);
    expect(
      digital.body.items.every((item: { sectors: string[] }) =>
        item.sectors.includes('Engineering and manufacturing'),
      ),
    ).toBe(true);
    const page = await lead.get('/api/organisations?pageSize=2&page=2').expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    await lead.get('/api/organisations?type=pub').expect(400);
    await lead.get('/api/organisations?sector=Pottery').expect(400);
  });

  it('counts engagement (encounters, learners reached, last date) over the academies the reader sees', async () => {
    await lead
      .post('/api/encounters')
      .send(
        encounterBody(fx, {
          title: 'University taster day',
          format: 'taster_session',
          organisationIds: [fx.organisations.university],
          attendees: { groupIds: [fx.groups['11A']] },
          absentLearnerIds: [fx.learnersA[29].id],
        }),
      )
      .expect(201);
    const mine = await lead.get(`/api/organisations/${fx.organisations.university}`).expect(200);
    expect(mine.body.engagement).toEqual({ encounters: 1, learners: 5, lastEncounterOn: fx.date });
    const theirs = await leadOfB.get(`/api/organisations/${fx.organisations.university}`).expect(200);
    expect(theirs.body.engagement).toEqual({ encounters: 0, learners: 0, lastEncounterOn: null });
    const trust = await admin.get(`/api/organisations?q=university`).expect(200);
    expect(trust.body.items[0].engagement.encounters).toBe(1);
  });

  it('changes fields, audits what changed, and refuses a rename onto another name', async () => {
    const created = await lead
      .post('/api/organisations')
      .send({ name: 'Hanley Hotels', type: 'employer' })
      .expect(201);
    const response = await lead
      .patch(`/api/organisations/${created.body.id}`)
      .send({ sectors: ['Catering and hospitality'], sizeBand: 'medium' })
      .expect(200);
    expect(response.body).toMatchObject({ sectors: ['Catering and hospitality'], sizeBand: 'medium' });
    const [entry] = await dataSource.query(
      `SELECT details FROM audit_entry WHERE action = 'organisation.update' AND entity_id = $1`,
      [created.body.id],
    );
    expect(entry.details.changed).toEqual(['sectors', 'sizeBand']);
    const clash = await lead
      .patch(`/api/organisations/${created.body.id}`)
      .send({ name: 'burslem bakery' })
      .expect(409);
    expect(clash.body.existingId).toBeDefined();
    await lead.patch(`/api/organisations/${created.body.id}`).send({ name: null }).expect(400);
    await lead
      .patch('/api/organisations/00000000-0000-4000-8000-000000000009')
      .send({ notes: 'x' })
      .expect(404);
  });
  describe('shared by the trust', () => {
    let university: string;
    let encounter: string;

    beforeAll(async () => {
      const created = await lead
        .post('/api/organisations')
        .send({ name: 'Keele University', type: 'higher_education' })
        .expect(201);
      university = created.body.id;
      const logged = await lead
        .post('/api/encounters')
        .send(
          encounterBody(fx, {
            title: 'Keele taster day',
            format: 'taster_session',
            organisationIds: [university],
            attendees: { groupIds: [fx.groups['11A']] },
          }),
        )
        .expect(201);
      encounter = logged.body.id;
    });

    const categories = async () =>
      (await admin.get(`/api/encounters/${encounter}`).expect(200)).body.categories;

    it('tells everyone which academies use an organisation, and what the reader may change of it', async () => {
      const theirs = await leadOfB.get(`/api/organisations/${university}`).expect(200);
      expect(theirs.body).toMatchObject({
        usedBy: [{ id: fx.academyA, name: 'Fixture A' }],
        editable: 'contact',
      });
      expect((await lead.get(`/api/organisations/${university}`).expect(200)).body.editable).toBe('all');
      expect((await admin.get(`/api/organisations/${university}`).expect(200)).body.editable).toBe('all');
      expect((await teacher.get(`/api/organisations/${university}`).expect(200)).body.editable).toBe('none');
    });

    it.each([
      ["retype it (reclassifying the other academy's encounters)", { type: 'employer' }, 'type'],
      [
        'flag it as offering technical education',
        { offersTechnicalEducation: true },
        'offersTechnicalEducation',
      ],
      ['rename it', { name: 'Keele Employer Ltd' }, 'name'],
      ['change its sectors', { sectors: ['Digital'] }, 'sectors'],
      ['change its notes', { notes: 'Closed.' }, 'notes'],
    ])(
      'refuses a careers lead of another academy who tries to %s with 403, changing nothing',
      async (_name, body, field) => {
        const before = await categories();
        const response = await leadOfB.patch(`/api/organisations/${university}`).send(body).expect(403);
        expect(response.body.message).toMatch(/Fixture A also uses this organisation/);
        expect(response.body.details).toEqual([{ field, reason: 'used by other academies of the trust' }]);
        expect(await categories()).toEqual(before);
        const now = await admin.get(`/api/organisations/${university}`).expect(200);
        expect(now.body).toMatchObject({
          name: 'Keele University',
          type: 'higher_education',
          offersTechnicalEducation: false,
        });
      },
    );

    it('lets a careers lead of another academy change only the contact details, sending the rest unchanged as the web form does', async () => {
      const current = (await leadOfB.get(`/api/organisations/${university}`).expect(200)).body;
      const response = await leadOfB
        .patch(`/api/organisations/${university}`)
        .send({
          name: current.name,
          type: current.type,
          sectors: current.sectors,
          sizeBand: current.sizeBand,
          offersTechnicalEducation: current.offersTechnicalEducation,
          contact: { name: 'Schools Liaison', email: 'schools@keele.example', phone: null },
          notes: '',
        })
        .expect(200);
      expect(response.body.contact).toEqual({
        name: 'Schools Liaison',
        email: 'schools@keele.example',
        phone: null,
      });
    });

    it('lets the careers lead of the only academy using it retype it, and a trust administrator always, reclassifying', async () => {
      expect(await categories()).toContain('education_provider_encounter');
      await admin.patch(`/api/organisations/${university}`).send({ type: 'employer' }).expect(200);
      expect(await categories()).not.toContain('education_provider_encounter');
      await lead.patch(`/api/organisations/${university}`).send({ type: 'higher_education' }).expect(200);
      expect(await categories()).toContain('education_provider_encounter');
    });

    it('audits a rename with the old name', async () => {
      await lead
        .patch(`/api/organisations/${university}`)
        .send({ name: 'Keele University (Staffordshire)' })
        .expect(200);
      const [entry] = await dataSource.query(
        `SELECT details FROM audit_entry WHERE action = 'organisation.update' AND entity_id = $1
         AND details ? 'name' ORDER BY id DESC LIMIT 1`,
        [university],
      );
      expect(entry.details.name).toEqual({
        from: 'Keele University',
        to: 'Keele University (Staffordshire)',
      });
    });
  });
});
