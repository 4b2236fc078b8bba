// api.js - the admin API over fetch: the bearer token, JSON errors turned into
// messages that say what to do, and file downloads.

const TOKEN_KEY = "ce-admin-token";
const USER_KEY = "ce-admin-user";

export class ApiError extends Error {
	constructor(status, code, message) {
		super(message);
		this.status = status;
		this.code = code;
	}
}

// sessionStorage: the login lasts as long as the tab, and is not shared with other tabs
export const session = {
	token: () => sessionStorage.getItem(TOKEN_KEY),
	user: () => sessionStorage.getItem(USER_KEY) || "",
	set(token, user) {
		sessionStorage.setItem(TOKEN_KEY, token);
		sessionStorage.setItem(USER_KEY, user);
	},
	clear() {
		sessionStorage.removeItem(TOKEN_KEY);
		sessionStorage.removeItem(USER_KEY);
	},
	// the token is dead; the user name stays to fill in the sign-in form
	expire() {
		sessionStorage.removeItem(TOKEN_KEY);
	},
};

let unauthorized = () => {};

// Called when the server says the login is gone (expired token, signed out elsewhere).
export function onUnauthorized(fn) {
	unauthorized = fn;
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
	let code = `http_${res.status}`;
	let message = "";
	try {
		const j = await res.json();
		if (j && j.error) {
			code = j.error.code || code;
			message = j.error.message || "";
		}
	} catch (e) {
		// not JSON (a proxy error page): the status alone has to do
	}
	return new ApiError(res.status, code, explain(res.status, code, message));
}

async function send(method, path, body) {
	const headers = {};
	const token = session.token();
	if (token) headers.Authorization = `Bearer ${token}`;
	let data;
	if (body !== undefined) {
		headers["Content-Type"] = "application/json";
		data = JSON.stringify(body);
	}
	let res;
	try {
		res = await fetch(path, { method, headers, body: data, cache: "no-store" });
	} catch (e) {
		throw new ApiError(0, "network",
			"Cannot reach the server. Check your connection and that the service is running, then try again.");
	}
	// a wrong password at login is also a 401, but that is the login form's own error
	if (res.status === 401 && path !== "/api/admin/login") {
		session.expire();
		unauthorized();
		throw new ApiError(401, "unauthorized", "Your sign-in has expired. Sign in again to continue.");
	}
	if (!res.ok) throw await errorOf(res);
	return res;
}

async function json(method, path, body) {
	const res = await send(method, path, body);
	return res.json();
}

export const api = {
	get: (path) => json("GET", path),
	post: (path, body) => json("POST", path, body === undefined ? {} : body),
	put: (path, body) => json("PUT", path, body),
	del: (path) => json("DELETE", path),
	login: (username, password) => json("POST", "/api/admin/login", { username, password }),

	// A file the server renders (CSV, HTML report) as a Blob, with the name the
	// server suggests in Content-Disposition, if any.
	async file(path, fallbackName) {
		const res = await send("GET", path);
		const disp = res.headers.get("Content-Disposition") || "";
		const m = /filename="?([^";]+)"?/i.exec(disp);
		return { blob: await res.blob(), name: m ? m[1] : fallbackName };
	},
};

// Question and candidate ids go into paths; keep them to what ids look like.
export function idPath(id) {
	return encodeURIComponent(String(id));
}
