import {
  academicYearLabel,
  ATTENDANCE_STATUS_LABELS,
  ENCOUNTER_FORMAT_LABELS,
  type EncounterFormat,
  type AttendanceStatus,
  formatBritishDate,
  GUIDANCE_MODE_LABELS,
  type GuidanceMeetingMode,
  RULE_IDS,
  RULE_LABELS,
  RULE_STATUS_LABELS,
  type RuleStatus,
} from '@encounters/domain';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { LearnerRecordData } from '../learner-record.service';
import { COLOURS, REPORT_TABLE, reportDocument, STATUS_COLOURS, th, titleBand } from './pdf-theme';

function statusPill(status: RuleStatus): Content {
  return {
    table: {
      body: [
        [
          {
            text: RULE_STATUS_LABELS[status],
            color: '#ffffff',
            bold: true,
            fontSize: 7,
            margin: [4, 0, 4, 0],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      fillColor: () => STATUS_COLOURS[status],
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
  };
}

/** A learner's careers record: for the learner to keep and to pass on at transition. */
export function learnerRecordPdf(data: LearnerRecordData, generatedAt: Date): TDocumentDefinitions {
  const generatedOn = generatedAt.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
  const { learner, enrolment, statuses } = data;
  const attended = data.encounters.filter((encounter) => encounter.status === 'attended').length;
  const content: Content[] = [
    {
      stack: [
        { text: 'CAREERS RECORD', fontSize: 8.5, bold: true, color: '#c9d6e6', characterSpacing: 1.2 },
        { text: learner.name, fontSize: 22, bold: true, color: '#ffffff', margin: [0, 6, 0, 0] },
        {
          text: [
            learner.dateOfBirth
              ? `UPN ${learner.upn}  ·  born ${formatBritishDate(learner.dateOfBirth)}`
              : `UPN ${learner.upn}  ·  pseudonymised`,
            enrolment
              ? `  ·  ${enrolment.academyName}, Year ${enrolment.yearGroup}${enrolment.group ? ` (${enrolment.group})` : ''} in ${academicYearLabel(data.academicYear)}`
              : '',
          ].join(''),
          fontSize: 9,
          color: '#dbe6f2',
          margin: [0, 4, 0, 0],
        },
      ],
      margin: [0, 2, 0, 28],
    },
    { text: `Where ${learner.name.split(' ')[0]} stands`, style: 'h2', margin: [0, 0, 0, 2] },
    {
      text: `The status of each rule in ${academicYearLabel(data.academicYear)}, as at ${formatBritishDate(data.asAt)}.`,
      style: 'lead',
    },
    statuses
      ? {
          table: {
            headerRows: 1,
            widths: [190, 62, '*'],
            body: [
              [th('Rule'), th('Status'), th('Still needed')],
              ...RULE_IDS.map((rule): Content[] => [
                {
                  text: RULE_LABELS[rule],
                  color: statuses[rule] === 'not_applicable' ? COLOURS.muted : COLOURS.ink,
                },
                statusPill(statuses[rule]),
                { text: data.stillNeeded[rule] ?? '', color: COLOURS.muted, fontSize: 7.5 },
              ]),
            ],
          },
          layout: REPORT_TABLE,
          style: 'table',
        }
      : {
          text: `Not on roll in ${academicYearLabel(data.academicYear)} at this date: no rule status to show.`,
          style: 'note',
        },
    { text: 'Encounters', style: 'h2' },
    {
      text: `${attended} encounter${attended === 1 ? '' : 's'} attended, most recent first.`,
      style: 'lead',
    },
    data.encounters.length
      ? {
          table: {
            headerRows: 1,
            widths: [52, '*', 72, 110, 48],
            body: [
              [th('Date'), th('Encounter'), th('Format'), th('With'), th('Attendance')],
              ...data.encounters.map((encounter): Content[] => [
                { text: formatBritishDate(encounter.date) },
                {
                  stack: [
                    { text: encounter.title },
                    ...(encounter.reflectionRating
                      ? [
                          {
                            text: `Reflection ${encounter.reflectionRating}/5${encounter.reflectionComment ? `: “${encounter.reflectionComment}”` : ''}`,
                            fontSize: 7,
                            color: COLOURS.muted,
                            italics: true,
                          },
                        ]
                      : []),
                  ],
                },
                {
                  text: ENCOUNTER_FORMAT_LABELS[encounter.format as EncounterFormat] ?? encounter.format,
                  color: COLOURS.muted,
                },
                { text: encounter.organisations.join(', ') || '–' },
                {
                  text: ATTENDANCE_STATUS_LABELS[encounter.status as AttendanceStatus] ?? encounter.status,
                  color: encounter.status === 'attended' ? COLOURS.met : COLOURS.muted,
                },
              ]),
            ],
          },
          layout: REPORT_TABLE,
          style: 'table',
        }
      : { text: 'No encounter recorded yet.', style: 'note' },
    { text: 'Personal guidance meetings', style: 'h2' },
    data.meetings.length
      ? {
          table: {
            headerRows: 1,
            widths: data.notesShown ? [52, 85, 45, '*', '*'] : [60, '*', 60, 70, 70],
            body: [
              data.notesShown
                ? [th('Date'), th('Adviser'), th('Mode'), th('Summary'), th('Agreed actions')]
                : [th('Date'), th('Adviser'), th('Level'), th('Mode'), th('Follow-up')],
              ...data.meetings.map((meeting): Content[] =>
                data.notesShown
                  ? [
                      { text: formatBritishDate(meeting.date) },
                      {
                        text: [
                          meeting.adviserName,
                          { text: `\nLevel ${meeting.adviserLevel}`, color: COLOURS.muted, fontSize: 7 },
                        ],
                      },
                      { text: GUIDANCE_MODE_LABELS[meeting.mode as GuidanceMeetingMode] ?? meeting.mode },
                      {
                        text: meeting.summary ?? 'Held by the careers staff of another academy.',
                        color: meeting.summary === null ? COLOURS.muted : COLOURS.ink,
                      },
                      { text: meeting.agreedActions ?? '–' },
                    ]
                  : [
                      { text: formatBritishDate(meeting.date) },
                      { text: meeting.adviserName },
                      { text: `Level ${meeting.adviserLevel}` },
                      { text: GUIDANCE_MODE_LABELS[meeting.mode as GuidanceMeetingMode] ?? meeting.mode },
                      { text: meeting.followUpOn ? formatBritishDate(meeting.followUpOn) : '–' },
                    ],
              ),
            ],
          },
          layout: REPORT_TABLE,
          style: 'table',
        }
      : { text: 'No guidance meeting recorded yet.', style: 'note' },
    ...(data.meetings.length && !data.notesShown
      ? [
          {
            text: 'Summaries and agreed actions are kept by the careers staff and advisers.',
            style: 'note',
          } as Content,
        ]
      : []),
  ];
  return reportDocument({
    title: `Careers record: ${learner.name}`,
    subject: `Careers encounters, guidance and benchmark statuses as at ${data.asAt}`,
    footerLeft: `Careers record of ${learner.name}  ·  as at ${formatBritishDate(data.asAt)}`,
    generatedOn: `Generated by Encounters on ${generatedOn}`,
    content,
    background: titleBand(118, 4),
  });
}
