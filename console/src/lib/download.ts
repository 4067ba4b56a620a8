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
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${serial}.pdf`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
