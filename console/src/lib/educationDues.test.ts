import { describe, expect, it } from 'vitest';
import { chinaMonth, percent, programBody, sessionBody, stillExpected, venuesFor } from './education';
import { asksBackPaymentReason, paymentBody, paymentForm, ratePercent } from './dues';

const venue = (id: string, kind: 'CLASSROOM' | 'MAIN_CLASSROOM' | 'SUB_CLASSROOM') => ({ id, programId: 'p1', name: id, kind });
const trainee = (memberId: string) => ({ memberId, name: memberId, unitId: 'b1', credits: 0, courses: 0, sessions: 0, completed: false });

describe('education', () => {
  it('sends a program with its credits as a number, and blank credits as null for the API to name', () => {
    const form = { name: '冬训', description: ' ', startsOn: '2026-12-01', endsOn: '2027-01-31', requiredCredits: '4' };
    expect(programBody('u1', form)).toEqual({ unitId: 'u1', name: '冬训', startsOn: '2026-12-01', endsOn: '2027-01-31', requiredCredits: 4 });
    expect(JSON.parse(JSON.stringify(programBody('u1', { ...form, requiredCredits: '' }))).requiredCredits).toBeNull();
  });

  it('sends a session\'s times in China time', () => {
    expect(sessionBody({ courseId: 'c1', startsAt: '2026-12-05T19:30', endsAt: '2026-12-05T21:00', venueIds: ['v1'] }))
      .toEqual({ startsAt: '2026-12-05T19:30:00+08:00', endsAt: '2026-12-05T21:00:00+08:00', venueIds: ['v1'] });
  });

  it('offers the venues that fit the course\'s format', () => {
    const venues = [venue('a', 'CLASSROOM'), venue('m', 'MAIN_CLASSROOM'), venue('s', 'SUB_CLASSROOM')];
    expect(venuesFor('IN_PERSON', venues).map((v) => v.id)).toEqual(['a']);
    expect(venuesFor('VIDEO', venues).map((v) => v.id)).toEqual(['m', 's']);
    expect(venuesFor('ONLINE', venues)).toEqual([]);
  });

  it('leaves the trainees already recorded out of those to mark present', () => {
    const recorded = [{ sessionId: 's1', memberId: 'b', name: 'b', method: 'STAFF' as const, recordedAt: '2026-12-05T19:35:00+08:00' }];
    expect(stillExpected([trainee('a'), trainee('b')], recorded).map((t) => t.memberId)).toEqual(['a']);
  });

  it('names the month in China and a rate in percent', () => {
    expect(chinaMonth(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12');
    expect(percent(0.5)).toBe('50%');
    expect(percent(null)).toBe('—');
  });
});

describe('dues', () => {
  it('starts a payment at the first unpaid month, for what is owed up to twelve months', () => {
    expect(paymentForm({ nextMonth: '2026-01', owedMonths: 11 }, '2026-12-05')).toMatchObject({ fromMonth: '2026-01', months: '11', paidOn: '2026-12-05', method: 'CASH' });
    expect(paymentForm({ nextMonth: '2025-01', owedMonths: 23 }, '2026-12-05').months).toBe('12');
  });

  it('sends the payment without its blank optional fields', () => {
    const form = { ...paymentForm({ nextMonth: '2026-01', owedMonths: 3 }, '2026-12-05'), extra: ' ', amount: '36.00', note: '' };
    expect(paymentBody('m1', form)).toEqual({ memberId: 'm1', fromMonth: '2026-01', months: 3, amount: 36, paidOn: '2026-12-05', method: 'CASH' });
  });

  it('asks why past six months owed, and shows a decimal rate in percent', () => {
    expect(asksBackPaymentReason({ owedMonths: 6 })).toBe(false);
    expect(asksBackPaymentReason({ owedMonths: 7 })).toBe(true);
    expect(ratePercent('0.8125')).toBe('81.3%');
    expect(ratePercent(null)).toBe('—');
  });
});
