import type { components } from '../api/generated/contract';

type PaymentInput = components['schemas']['DuesPaymentInput'];
type ArrearsLine = components['schemas']['DuesArrearsLine'];
export type PaymentMethod = components['schemas']['PaymentMethod'];

export const PAYMENT_METHODS: PaymentMethod[] = ['CASH', 'BANK_TRANSFER', 'ONLINE'];

export interface PaymentForm {
  fromMonth: string;
  months: string;
  extra: string;
  amount: string;
  paidOn: string;
  method: PaymentMethod;
  backPaymentReason: string;
  note: string;
}

/** A payment from the arrears list starts at the member's first unpaid month and settles what is owed (12 at most). */
export function paymentForm(line: Pick<ArrearsLine, 'nextMonth' | 'owedMonths'>, today: string): PaymentForm {
  return {
    fromMonth: line.nextMonth ?? '',
    months: String(Math.min(Math.max(line.owedMonths, 1), 12)),
    extra: '',
    amount: '',
    paidOn: today,
    method: 'CASH',
    backPaymentReason: '',
    note: '',
  };
}

/** Blank optional fields are left out (the API's defaults apply); numbers not numbers go as null, named by the API. */
export function paymentBody(memberId: string, form: PaymentForm): PaymentInput {
  const body: PaymentInput = { memberId, fromMonth: form.fromMonth, method: form.method };
  const months = form.months.trim();
  if (months) body.months = Number(months);
  if (form.extra.trim()) body.extra = Number(form.extra.trim());
  if (form.amount.trim()) body.amount = Number(form.amount.trim());
  if (form.paidOn) body.paidOn = form.paidOn;
  if (form.backPaymentReason.trim()) body.backPaymentReason = form.backPaymentReason.trim();
  if (form.note.trim()) body.note = form.note.trim();
  return body;
}

/** More than six months overdue: the API asks why the branch accepts the back payment (补交). */
export function asksBackPaymentReason(line: Pick<ArrearsLine, 'owedMonths'>): boolean {
  return line.owedMonths > 6;
}

/** A decimal rate ("0.8125") as a whole percent, or — when nobody is liable. */
export function ratePercent(rate: string | null | undefined): string {
  if (rate == null) return '—';
  return `${Math.round(Number(rate) * 1000) / 10}%`;
}
