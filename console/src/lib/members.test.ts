import { describe, expect, it } from 'vitest';
import { canExtendProbation, chinaToday, memberQuery, NO_FILTERS } from './members';
import { byAttendance, errorsByFormRow, minutesBody, rowErrors } from './meetings';

describe('the development pipeline', () => {
  it('extends a probation only while it runs', () => {
    expect(canExtendProbation({ status: 'PROBATIONARY' })).toBe(true);
    expect(canExtendProbation({ status: 'FULL' })).toBe(false);
  });

  it('dates a step in China: 23:30 in London on 31 Dec is already 1 Jan there', () => {
    expect(chinaToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('the member search', () => {
  it('sends only the filters that are set', () => {
    expect(memberQuery(NO_FILTERS, 'jxy', 0, 20)).toEqual({ within: 'jxy', page: 0, size: 20 });
    expect(memberQuery({ q: ' 张 ', statuses: ['PROBATIONARY', 'FULL'], role: 'SECRETARY', mobile: 'false', ageFrom: '30', ageTo: '' }, undefined, 2, 50))
      .toEqual({ q: '张', status: ['PROBATIONARY', 'FULL'], role: 'SECRETARY', mobile: false, ageFrom: 30, page: 2, size: 50 });
  });

  it('passes an age that is no number on to the API, whose answer names the field', () => {
    expect(memberQuery({ ...NO_FILTERS, ageFrom: 'abc' }, undefined, 0, 20).ageFrom).toBeNaN();
  });
});

describe('the minutes', () => {
  const draft = {
    summary: '同意加装', recordedBy: '书记',
    opinions: [
      { party: 'RESIDENT' as const, speaker: '', topicId: 't1', opinion: '' },
      { party: 'OWNERS_COMMITTEE' as const, speaker: ' 王主任 ', topicId: 't1', opinion: '支持' },
      { party: 'RESIDENT' as const, speaker: '', topicId: '', opinion: '一楼反对' },
    ],
    followUps: [{ description: '', owner: '', dueOn: '' }, { description: '报规划', owner: '物业', dueOn: '' }],
  };

  it('leaves the blank rows and blank optional fields out of the body', () => {
    expect(minutesBody(draft)).toEqual({
      summary: '同意加装', recordedBy: '书记',
      opinions: [{ party: 'OWNERS_COMMITTEE', speaker: '王主任', topicId: 't1', opinion: '支持' }, { party: 'RESIDENT', opinion: '一楼反对' }],
      followUps: [{ description: '报规划', owner: '物业' }],
    });
  });

  it('puts a row\'s error at the row of the form it came from', () => {
    const problem = { status: 400, errors: [
      { field: 'minutes.opinions[1].opinion', message: '不能为空' },
      { field: 'followUps[0].owner', message: '不能为空' },
      { field: 'summary', message: '不能为空' },
    ] };
    expect(rowErrors(problem, 'opinions')).toEqual({ 1: { opinion: '不能为空' } });
    // sent row 1 is the form's row 2 (row 0 was blank and left out)
    expect(errorsByFormRow(problem, 'opinions', draft.opinions, (o) => !!(o.speaker.trim() || o.opinion.trim()))).toEqual({ 2: { opinion: '不能为空' } });
    expect(errorsByFormRow(problem, 'followUps', draft.followUps, (f) => !!(f.description.trim() || f.owner.trim() || f.dueOn))).toEqual({ 1: { owner: '不能为空' } });
  });

  it('lists who is still expected before who came', () => {
    const sorted = byAttendance([
      { id: '1', personName: '李', party: 'RESIDENT', attendedAt: '2026-12-01T10:00:00+08:00' },
      { id: '2', personName: '王', party: 'RESIDENT' },
    ]);
    expect(sorted.map((r) => r.personName)).toEqual(['王', '李']);
  });
});
