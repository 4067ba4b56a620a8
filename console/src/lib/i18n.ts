import { ref, watchEffect } from 'vue';
import { messages, type Locale, type MessageKey } from './messages';

const STORAGE_KEY = 'console.locale';

function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === 'en' ? 'en' : 'zh';
}

/** Chinese by default; the toggle is remembered in this browser. */
export const locale = ref<Locale>(initialLocale());

watchEffect(() => {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en';
  }
});

export function setLocale(next: Locale): void {
  locale.value = next;
  localStorage.setItem(STORAGE_KEY, next);
}

/** The API answers (messages of problems included) in the language shown. */
export function acceptLanguage(): string {
  return locale.value === 'zh' ? 'zh-CN' : 'en';
}

/** The text of a key in the current language, with `{name}` placeholders filled from params. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text: string = messages[locale.value][key] ?? messages.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A label from an enum value (stage, level, role…), falling back to the value itself. */
export function label(group: string, value: string | null | undefined): string {
  if (value == null) return '';
  const key = `${group}.${value}` as MessageKey;
  const text = messages[locale.value][key] ?? messages.zh[key];
  return text ?? value;
}

export function formatNumber(n: number | null | undefined, digits = 0): string {
  if (n == null) return '—';
  return new Intl.NumberFormat(acceptLanguage(), { maximumFractionDigits: digits }).format(n);
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(acceptLanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}
