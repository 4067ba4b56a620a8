import type { components } from '../api/generated/contract';

type Member = components['schemas']['Member'];
type OrgUnit = components['schemas']['OrgUnit'];
type Gender = components['schemas']['OrgGender'];
type MemberInput = components['schemas']['OrgMemberInput'];
type MemberChanges = components['schemas']['MemberChanges'];
type PostInput = components['schemas']['PostInput'];
type TransferInput = components['schemas']['TransferInput'];
type OutflowInput = components['schemas']['OutflowInput'];
type Transfer = components['schemas']['Transfer'];

/** The personal data typed in the registration and the profile forms. */
export interface PersonForm {
  name: string;
  gender: Gender | '';
  birthDate: string;
  ethnicity: string;
  education: string;
  phone: string;
  idNumber: string;
}

export const NO_PERSON: PersonForm = { name: '', gender: '', birthDate: '', ethnicity: '', education: '', phone: '', idNumber: '' };

/** A party organization a person can be registered in: the API takes branches and groups only. */
export function takesMembers(unit: Pick<OrgUnit, 'form' | 'status'>): boolean {
  return unit.status === 'ACTIVE' && (unit.form === 'BRANCH' || unit.form === 'GROUP');
}

/** Blank optional fields are left out, so the API's own checks name what is missing (a blank name stays blank). */
function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

function personal(form: PersonForm): Omit<MemberChanges, 'householdId'> {
  return {
    name: form.name,
    gender: form.gender as Gender,
    birthDate: form.birthDate,
    ethnicity: optional(form.ethnicity),
    education: optional(form.education),
    phone: optional(form.phone),
    idNumber: optional(form.idNumber),
  };
}

/** POST /members for an applicant (no status: the API registers APPLICANT dated today). */
export function registrationBody(unitId: string, form: PersonForm): MemberInput {
  return { unitId, ...personal(form) };
}

/** Whether a value came back masked for this caller (`138****1234`): it cannot be sent back as read. */
export function isMasked(value: string | null | undefined): boolean {
  return !!value && value.includes('*');
}

/**
 * PUT /members/{id} replaces the personal data as a whole. An admin in scope (who may edit) reads the phone and ID
 * number in full, and the form starts with them; a value that came back masked starts blank and is kept only when
 * typed again ({@link clearedByUpdate} says so).
 */
export function profileForm(member: Member): PersonForm {
  return {
    name: member.name,
    gender: member.gender ?? '',
    birthDate: member.birthDate ?? '',
    ethnicity: member.ethnicity ?? '',
    education: member.education ?? '',
    phone: isMasked(member.phone) ? '' : member.phone ?? '',
    idNumber: isMasked(member.idNumber) ? '' : member.idNumber ?? '',
  };
}

export function profileChanges(member: Pick<Member, 'householdId'>, form: PersonForm): MemberChanges {
  return { ...personal(form), ...(member.householdId ? { householdId: member.householdId } : {}) };
}

/** What the PUT clears: data the member has that the form does not send again. */
export function clearedByUpdate(member: Pick<Member, 'phone' | 'idNumber'>, form: PersonForm): ('phone' | 'idNumber')[] {
  const cleared: ('phone' | 'idNumber')[] = [];
  if (member.phone && !form.phone.trim()) cleared.push('phone');
  if (member.idNumber && !form.idNumber.trim()) cleared.push('idNumber');
  return cleared;
}

export interface PostForm {
  role: PostInput['role'] | '';
  startsOn: string;
  termEndsOn: string;
}

export function postBody(unitId: string, memberId: string, form: PostForm): PostInput {
  return {
    unitId,
    memberId,
    role: form.role as PostInput['role'],
    startsOn: form.startsOn,
    ...(form.termEndsOn ? { termEndsOn: form.termEndsOn } : {}),
  };
}

export interface TransferForm {
  /** Inside the system (a branch or group chosen by search) or to an organization outside it. */
  external: boolean;
  toUnitId: string;
  externalOrg: string;
  letterNumber: string;
  reason: string;
  initiatedOn: string;
}

export function transferBody(memberId: string, form: TransferForm): TransferInput {
  const body: TransferInput = { memberId, initiatedOn: form.initiatedOn || undefined, reason: optional(form.reason) };
  if (form.external) {
    body.externalOrg = form.externalOrg;
    body.letterNumber = optional(form.letterNumber);
  } else {
    body.toUnitId = form.toUnitId || undefined;
  }
  return body;
}

/** A pending transfer is decided by its two sides: the origin withdraws it, the receiving side accepts or rejects. */
export function transferActions(transfer: Pick<Transfer, 'status'>): ('accept' | 'reject' | 'cancel')[] {
  return transfer.status === 'PENDING' ? ['accept', 'reject', 'cancel'] : [];
}

export interface OutflowForm {
  destinationCity: string;
  destinationAddress: string;
  reason: string;
  contactPhone: string;
  leftOn: string;
  expectedReturnOn: string;
}

export function outflowBody(memberId: string, form: OutflowForm): OutflowInput {
  return {
    memberId,
    destinationCity: form.destinationCity,
    reason: form.reason,
    leftOn: form.leftOn,
    destinationAddress: optional(form.destinationAddress),
    contactPhone: optional(form.contactPhone),
    expectedReturnOn: form.expectedReturnOn || undefined,
  };
}
