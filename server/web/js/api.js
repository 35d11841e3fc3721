/*
 * The JSON API: GET with abort, user-facing errors, and the search cache.
 */

const CACHE_MAX = 20; // search responses kept so "back" from a document is instant

export class ApiError extends Error {
  constructor(message, status = 0) {
    super(message);
    this.status = status;
  }
}

/**
 * GET a JSON endpoint. Always rejects with an ApiError carrying a
 * user-facing Vietnamese message and the HTTP status, except for
 * AbortError, which callers ignore.
 */
export async function api(path, signal) {
  let res;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new ApiError('Không thể kết nối tới máy chủ. Vui lòng kiểm tra kết nối và thử lại.');
  }

  // Read as text first: a proxy or crash may answer with HTML/plain text,
  // and res.json() would then throw an unhelpful SyntaxError.
  const raw = await res.text();
  let data = null;
  try {
    data = raw ? JSON.parse(raw) : null;
  } catch {
    data = null;
  }

  if (!res.ok) throw new ApiError(httpErrorMessage(res.status, data), res.status);
  if (!data || typeof data !== 'object') {
    throw new ApiError('Phản hồi từ máy chủ không hợp lệ.');
  }
  return data;
}

function httpErrorMessage(status, data) {
  // The server's own messages are English; show them only as a detail.
  const detail = data && typeof data.error === 'string' ? data.error.trim() : '';
  if (status === 404) return 'Không tìm thấy nội dung yêu cầu.';
  if (status === 400) return `Yêu cầu không hợp lệ${detail ? ` (${detail})` : ''}. Vui lòng kiểm tra lại bộ lọc.`;
  return `Máy chủ trả về lỗi (HTTP ${status}). Vui lòng thử lại sau.`;
}

/** Path segment: ids contain "/" (seeds/001.txt), keys contain "/" and "@". */
export const seg = (s) => encodeURIComponent(s);

/* --------------------------------------------------------- search cache */

const searchCache = new Map();

/** The cached answer of a /api/search path, or undefined. */
export function cachedSearch(path) {
  return searchCache.get(path);
}

/** Keep a /api/search answer; the oldest goes when there are more than CACHE_MAX. */
export function cacheSearch(path, data) {
  searchCache.set(path, data);
  if (searchCache.size > CACHE_MAX) searchCache.delete(searchCache.keys().next().value);
}
