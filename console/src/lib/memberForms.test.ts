import { describe, expect, it } from 'vitest';
import {
  clearedByUpdate, NO_PERSON, outflowBody, postBody, profileChanges, profileForm, registrationBody, takesMembers, transferActions, transferBody,
} from './memberForms';

const AT = '2026-01-01T00:00:00+08:00';
const member = {
  id: 'm1', unitId: 'b1', name: '张晓红', gender: 'FEMALE' as const, birthDate: '1990-05-01', age: 36, ethnicity: '汉族', education: null,
  phone: '138****1234', idNumber: '420***********1234', householdId: 'h1', status: 'FULL' as const, mobile: false, nextSteps: [], version: 3,
  createdAt: AT, updatedAt: AT,
};

describe('the member forms', () => {
  it('registers in branches and groups only, active ones', () => {
    expect(takesMembers({ form: 'BRANCH', status: 'ACTIVE' })).toBe(true);
    expect(takesMembers({ form: 'GROUP', status: 'ACTIVE' })).toBe(true);
    expect(takesMembers({ form: 'COMMITTEE', status: 'ACTIVE' })).toBe(false);
    expect(takesMembers({ form: null, status: 'ACTIVE' })).toBe(false);
    expect(takesMembers({ form: 'BRANCH', status: 'DISSOLVED' })).toBe(false);
  });

  it('sends a registration without its blank optional fields, and a blank name as typed so the API names it', () => {
    const body = registrationBody('b1', { ...NO_PERSON, name: ' ', gender: 'MALE', birthDate: '1990-01-01', phone: ' 13812345678 ', ethnicity: '  ' });
    expect(JSON.parse(JSON.stringify(body))).toEqual({ unitId: 'b1', name: ' ', gender: 'MALE', birthDate: '1990-01-01', phone: '13812345678' });
  });

  it('starts the profile form from the member, without the masked phone and ID number, and keeps the household', () => {
    const form = profileForm(member);
    expect(form).toEqual({ name: '张晓红', gender: 'FEMALE', birthDate: '1990-05-01', ethnicity: '汉族', education: '', phone: '', idNumber: '' });
    expect(JSON.parse(JSON.stringify(profileChanges(member, { ...form, education: '本科' })))).toEqual({
      name: '张晓红', gender: 'FEMALE', birthDate: '1990-05-01', ethnicity: '汉族', education: '本科', householdId: 'h1',
    });
  });

  it('starts the form with the phone and ID number an admin reads in full: nothing is cleared', () => {
    const full = { ...member, phone: '13812341234', idNumber: '420102199005010026' };
    const form = profileForm(full);
    expect([form.phone, form.idNumber]).toEqual(['13812341234', '420102199005010026']);
    expect(clearedByUpdate(full, form)).toEqual([]);
    expect(profileChanges(full, form).idNumber).toBe('420102199005010026');
  });

  it('says which data the whole-record update clears when they are not typed again', () => {
    const form = profileForm(member);
    expect(clearedByUpdate(member, form)).toEqual(['phone', 'idNumber']);
    expect(clearedByUpdate(member, { ...form, phone: '13812341234' })).toEqual(['idNumber']);
    expect(clearedByUpdate({ phone: null, idNumber: null }, form)).toEqual([]);
  });

  it('appoints in the member\'s unit, the term end only when given', () => {
    expect(postBody('b1', 'm1', { role: 'COMMITTEE_MEMBER', startsOn: '2026-03-01', termEndsOn: '' }))
      .toEqual({ unitId: 'b1', memberId: 'm1', role: 'COMMITTEE_MEMBER', startsOn: '2026-03-01' });
    expect(postBody('b1', 'm1', { role: 'SECRETARY', startsOn: '2026-03-01', termEndsOn: '2031-02-28' }).termEndsOn).toBe('2031-02-28');
  });

  it('sends a transfer inside the system with its unit, outside with the organization and letter', () => {
    const form = { external: false, toUnitId: 'b2', externalOrg: '某市某党委', letterNumber: '', reason: ' 工作调动 ', initiatedOn: '2026-03-02' };
    expect(JSON.parse(JSON.stringify(transferBody('m1', form)))).toEqual({ memberId: 'm1', toUnitId: 'b2', reason: '工作调动', initiatedOn: '2026-03-02' });
    expect(JSON.parse(JSON.stringify(transferBody('m1', { ...form, external: true, letterNumber: '组转 2026-07' })))).toEqual({
      memberId: 'm1', externalOrg: '某市某党委', letterNumber: '组转 2026-07', reason: '工作调动', initiatedOn: '2026-03-02',
    });
    // no unit chosen: left out, so the API says what is missing
    expect(transferBody('m1', { ...form, toUnitId: '' }).toUnitId).toBeUndefined();
  });

  it('offers decisions on pending transfers only', () => {
    expect(transferActions({ status: 'PENDING' })).toEqual(['accept', 'reject', 'cancel']);
    expect(transferActions({ status: 'ACCEPTED' })).toEqual([]);
    expect(transferActions({ status: 'CANCELLED' })).toEqual([]);
  });

  it('sends an outflow with the required fields as typed and the optional ones when given', () => {
    const body = outflowBody('m1', { destinationCity: '深圳', destinationAddress: '', reason: '务工', contactPhone: '', leftOn: '2026-03-01', expectedReturnOn: '' });
    expect(JSON.parse(JSON.stringify(body))).toEqual({ memberId: 'm1', destinationCity: '深圳', reason: '务工', leftOn: '2026-03-01' });
  });
});
