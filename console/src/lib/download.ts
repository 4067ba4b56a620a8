import { api, asApiError, toApiError } from '../api/client';

/**
 * Downloads a volunteer's certificate PDF through the client (the token goes in the header, not in a URL) and
 * hands it to the browser as a file named after its serial. Throws the API's problem as an ApiError.
 */
export async function downloadCertificate(volunteerId: string, serial: string): Promise<void> {
  let blob: Blob;
  try {
    const r = await api.GET('/api/v1/volunteers/{id}/certificates/{serial}', {
      params: { path: { id: volunteerId, serial } },
      parseAs: 'blob',
    });
    if (!r.response.ok || !r.data) throw toApiError(r.error, r.response);
    blob = r.data as Blob;
  } catch (e) {
    throw asApiError(e);
  }
  save(blob, `${serial}.pdf`, 'application/pdf');
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads a unit's dues roster of a month as a spreadsheet, through the client like the certificates. */
export async function downloadRoster(unitId: string, month: string, fileName: string): Promise<void> {
  let blob: Blob;
  try {
    const r = await api.GET('/api/v1/dues/units/{unitId}/roster.xlsx', {
      params: { path: { unitId }, query: { month: month || undefined } },
      parseAs: 'blob',
    });
    if (!r.response.ok || !r.data) throw toApiError(r.error, r.response);
    blob = r.data as Blob;
  } catch (e) {
    throw asApiError(e);
  }
  save(blob, fileName, XLSX);
}

/** Hands a downloaded file to the browser under a name. */
function save(blob: Blob, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([blob], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
