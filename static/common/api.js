// common/api.js - the HTTP API over fetch, for both pages.
//
// Two styles on one transport:
//   request(method, path, { body, token })  never throws; resolves to
//       { status, json, retryAfter }, status 0 when the request did not get
//       through; retryAfter is the Retry-After header in seconds, or 0.
//       The candidate page uses it: it reacts to each status itself.
//   createClient({ token, unauthorized })   get/post/put/del/file resolve to
//       the answer of a 2xx and throw an ApiError otherwise, whose message
//       says what the user can do. The recruiter pages use it.

export class ApiError extends Error {
	constructor(status, code, message) {
		super(message);
		this.status = status;
		this.code = code;
	}
}

// One fetch with the bearer token and a JSON body (or, with type, a body of
// that Content-Type sent as it is: a Blob or a File); null when it did not get
// through (offline, refused, aborted, or no answer within timeout ms when given).
export async function send(method, path, { body, token, keepalive, type, timeout } = {}) {
	const headers = {};
	if (token) headers.Authorization = `Bearer ${token}`;
	let data;
	if (body !== undefined && type) {
		headers["Content-Type"] = type;
		data = body;
	} else if (body !== undefined) {
		headers["Content-Type"] = "application/json";
		data = typeof body === "string" ? body : JSON.stringify(body);
	}
	try {
		return await fetch(path, { method, headers, body: data, cache: "no-store", keepalive: !!keepalive,
			signal: timeout ? AbortSignal.timeout(timeout) : undefined });
	} catch (e) {
		return null;
	}
}

async function readJson(res) {
	try {
		return JSON.parse(await res.text());
	} catch (e) {
		return null;   // not JSON (a proxy's error page) or cut off
	}
}

// One request; never throws. status 0 means the request did not get through.
export async function request(method, path, opts) {
	const res = await send(method, path, opts);
	if (!res) return { status: 0, json: null, retryAfter: 0 };
	const retryAfter = Math.max(0, parseInt(res.headers.get("Retry-After") || "0", 10) || 0);
	return { status: res.status, json: await readJson(res), retryAfter };
}

// The error envelope of a request() answer (SPEC section 5), or "".
export function errorCode(res) {
	return res.json && res.json.error && res.json.error.code ? res.json.error.code : "";
}

export function errorMessage(res) {
	return res.json && res.json.error && res.json.error.message ? res.json.error.message : "";
}

// The service is unreachable or restarting (not a refusal): worth retrying.
export function transient(res) {
	return res.status === 0 || res.status === 502 || res.status === 504 ||
		(res.status === 503 && errorCode(res) !== "sandbox_unavailable");
}

// Question and candidate ids go into paths; keep them to what ids look like.
export function idPath(id) {
	return encodeURIComponent(String(id));
}

// The server's message plus what the user can do about it.
function explain(status, code, message) {
	const said = message ? message.charAt(0).toUpperCase() + message.slice(1) : "";
	switch (true) {
	case status === 400 || status === 422:
		return `${said || "The request was not accepted"}. Correct it and try again.`;
	case status === 403:
		return `${said || "Forbidden"}. Ask the administrator of this service to allow your address.`;
	case status === 404:
		return `${said || "Not found"}. It may have been deleted; go back to the list and reload.`;
	case status === 409:
		return `${said || "This conflicts with the current state"}.`;
	case status === 413:
		return `${said || "The request is too large"}. Use smaller test files or fewer tests.`;
	case status === 429:
		return "Too many requests in a short time. Wait a few seconds and try again.";
	case status >= 500:
		return `${said || "The service could not complete the request"}. `
			+ "The service may be busy or restarting; try again in a moment.";
	default:
		return `${said || `Unexpected answer (HTTP ${status}, ${code})`}.`;
	}
}

async function errorOf(res) {
	const json = await readJson(res);
	const e = json && json.error ? json.error : {};
	const code = e.code || `http_${res.status}`;
	return new ApiError(res.status, code, explain(res.status, code, e.message || ""));
}

// token(): the bearer token to send, if any.
// unauthorized(path): called on a 401; returns the ApiError to throw instead
// of the server's own, or nothing to keep that one (a wrong password).
export function createClient({ token = () => "", unauthorized = () => null } = {}) {
	async function call(method, path, body, type) {
		const res = await send(method, path, { body, token: token(), type });
		if (!res) {
			throw new ApiError(0, "network",
				"Cannot reach the server. Check your connection and that the service is running, then try again.");
		}
		if (res.status === 401) {
			const e = unauthorized(path);
			if (e) throw e;
		}
		if (!res.ok) throw await errorOf(res);
		return res;
	}
	const json = async (method, path, body) => (await call(method, path, body)).json();
	return {
		get: (path) => json("GET", path),
		post: (path, body) => json("POST", path, body === undefined ? {} : body),
		put: (path, body) => json("PUT", path, body),
		del: (path) => json("DELETE", path),
		// a file as the request body (a package zip), with its Content-Type
		upload: async (path, body, type) => (await call("POST", path, body, type)).json(),

		// A file the server renders (CSV, HTML report) as a Blob, with the name the
		// server suggests in Content-Disposition, if any.
		async file(path, fallbackName) {
			const res = await call("GET", path);
			const disp = res.headers.get("Content-Disposition") || "";
			const m = /filename="?([^";]+)"?/i.exec(disp);
			return { blob: await res.blob(), name: m ? m[1] : fallbackName };
		},
	};
}
