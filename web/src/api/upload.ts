import { apiError, CSRF_HEADER, csrfToken } from "./client.ts";

/** How much of an upload has been sent: bytes, and the total when the browser knows it. */
export interface UploadProgress {
  readonly sent: number;
  readonly total: number | null;
}

/**
 * POSTs a multipart form with XMLHttpRequest, because fetch reports no upload progress. Same
 * contract as `api.post` in client.ts: same-origin cookie, the CSRF header, the JSON answer, and
 * the API's error body as an ApiError (a network failure rejects with a plain Error).
 */
export function uploadForm<T>(
  path: string,
  form: FormData,
  onProgress: (progress: UploadProgress) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.withCredentials = true;
    xhr.responseType = "json";
    xhr.setRequestHeader("accept", "application/json");
    const csrf = csrfToken();
    if (csrf) xhr.setRequestHeader(CSRF_HEADER, csrf);
    xhr.upload.addEventListener("progress", (event) => {
      onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : null });
    });
    xhr.addEventListener("load", () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response as T);
      else reject(apiError(xhr.status, xhr.response));
    });
    xhr.addEventListener("error", () => reject(new Error("the upload failed: no answer from the server")));
    xhr.addEventListener("abort", () => reject(new Error("the upload was cancelled")));
    xhr.send(form);
  });
}
