import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { acceptLanguage, label, locale, setLocale, t } from './i18n';
import { messages } from './messages';
import { forgetDrafts, useDraft } from './drafts';
import { endSession, session, signedIn, startSession } from './session';
import { approvalShare, checkFraction, thresholdFraction } from './tally';
import { ApiError, fieldErrors } from '../api/problem';

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  setLocale('zh');
  vi.useRealTimers();
});

describe('languages', () => {
  it('is Chinese by default and the API is asked in the language shown', async () => {
    expect(locale.value).toBe('zh');
    expect(t('signIn.submit')).toBe('登录');
    expect(acceptLanguage()).toBe('zh-CN');
    setLocale('en');
    expect(t('signIn.submit')).toBe('Sign in');
    expect(acceptLanguage()).toBe('en');
    await nextTick();
    expect(document.documentElement.lang).toBe('en');
  });

  it('fills placeholders and names enum values', () => {
    expect(t('common.pageOf', { page: 2, pages: 5, total: 88 })).toBe('第 2 / 5 页,共 88 条');
    expect(label('stage', 'PUBLIC_DELIBERATION')).toBe('公开议事');
    expect(label('stage', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('has every text in both languages, none left empty', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const [key, text] of Object.entries(messages[lang])) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.zh).sort());
  });
});

describe('drafts', () => {
  it('keeps typed text across a reload of the page until it is submitted', async () => {
    const first = useDraft('topic:1:reason', '');
    first.value.value = '合议通过,提交群议';
    await nextTick();
    expect(useDraft('topic:1:reason', '').value.value).toBe('合议通过,提交群议');
    first.clear();
    await nextTick();
    await Promise.resolve();
    expect(useDraft('topic:1:reason', '').value.value).toBe('');
  });

  it('are all forgotten when the user signs out on purpose', async () => {
    const d = useDraft('x', '');
    d.value.value = 'secret';
    await nextTick();
    sessionStorage.setItem('unrelated', '1');
    forgetDrafts();
    expect(useDraft('x', '').value.value).toBe('');
    expect(sessionStorage.getItem('unrelated')).toBe('1');
  });
});

describe('session', () => {
  it('ends when the token expires', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-03T08:00:00Z'));
    startSession({ accessToken: 'a.b.c', tokenType: 'Bearer', expiresIn: 3600, subject: 'secretary', name: '书记', roles: ['COMMUNITY_SECRETARY'], orgUnits: ['u1'] });
    expect(signedIn.value).toBe(true);
    expect(JSON.parse(sessionStorage.getItem('console.session') ?? '{}').subject).toBe('secretary');
    vi.setSystemTime(new Date('2026-12-03T09:00:01Z'));
    // signedIn is computed from the session; touch it so it re-evaluates with the new time
    session.value = { ...session.value! };
    expect(signedIn.value).toBe(false);
    endSession();
    expect(sessionStorage.getItem('console.session')).toBeNull();
  });
});

describe('tally', () => {
  it('reads the art. 278 thresholds', () => {
    expect(thresholdFraction('2/3')).toBeCloseTo(0.6667, 4);
    expect(thresholdFraction('3/4')).toBe(0.75);
    expect(thresholdFraction('0.5')).toBe(0.5);
    expect(thresholdFraction('more than half')).toBeNull();
    expect(approvalShare('OWNERS_MAJOR')).toBe('3/4');
    expect(approvalShare('OWNERS_ORDINARY')).toBe('1/2');
  });

  it('fills a bar with value over base, empty while nothing is counted', () => {
    const check = { name: 'PARTICIPATION_AREA', measure: 'AREA_M2', comparison: '>=', threshold: '2/3', met: true };
    expect(checkFraction({ ...check, value: 6120.4, base: 8900 })).toBeCloseTo(0.6877, 4);
    expect(checkFraction({ ...check, value: null, base: 8900 })).toBe(0);
    expect(checkFraction({ ...check, value: 5, base: 0 })).toBe(0);
  });
});

describe('problems', () => {
  it('names each field as the API did, nested names by their last part', () => {
    const problem = {
      status: 400,
      title: '请求参数有误',
      errors: [
        { field: 'reason', message: '不能为空' },
        { field: 'transition.actor', message: '不能为空' },
        { field: 'reason', message: '格式不对' },
      ],
    };
    expect(fieldErrors(problem)).toEqual({ reason: '不能为空;格式不对', actor: '不能为空' });
    expect(new ApiError(problem, 400).fields.actor).toBe('不能为空');
    expect(new ApiError(problem, 400).message).toBe('请求参数有误');
  });
});
