// session.js - the recruiter's sign-in (the bearer token, kept for the tab), the
// API client of the admin pages, which sends it and notices when it dies, and
// the signed-in account with what its role may do.
import { ApiError, createClient } from "../common/api.js";

const TOKEN_KEY = "ce-admin-token";
const USER_KEY = "ce-admin-user";
const LOGIN_PATH = "/api/admin/login";

// sessionStorage: the login lasts as long as the tab, and is not shared with other tabs
export const session = {
	token: () => sessionStorage.getItem(TOKEN_KEY),
	user: () => sessionStorage.getItem(USER_KEY) || "",
	set(token, user) {
		account = null;
		sessionStorage.setItem(TOKEN_KEY, token);
		sessionStorage.setItem(USER_KEY, user);
	},
	clear() {
		account = null;
		sessionStorage.removeItem(TOKEN_KEY);
		sessionStorage.removeItem(USER_KEY);
	},
	// the token is dead; the user name stays to fill in the sign-in form
	expire() {
		account = null;
		sessionStorage.removeItem(TOKEN_KEY);
	},
};

let account = null;         // the promise of GET /api/admin/me for this sign-in
let unauthorized = () => {};

// Called when the server says the login is gone (expired token, signed out elsewhere).
export function onUnauthorized(fn) {
	unauthorized = fn;
}

const client = createClient({
	token: session.token,
	unauthorized(path) {
		// a wrong password at login is also a 401, but that is the login form's own error
		if (path === LOGIN_PATH) return null;
		session.expire();
		unauthorized();
		return new ApiError(401, "unauthorized", "Your sign-in has expired. Sign in again to continue.");
	},
});

export const api = {
	...client,
	login: (username, password) => client.post(LOGIN_PATH, { username, password }),
};

// The signed-in account, { id, username, name, email, role }: asked once per
// sign-in (and again after a failure).
export function currentAccount() {
	if (!account) {
		const pending = client.get("/api/admin/me");
		account = pending;
		pending.catch(() => {
			if (account === pending) account = null;
		});
	}
	return account;
}

// What a role may do; the server checks the same on every call (README "Accounts and roles").
export const mayWrite = (me) => me.role === "recruiter" || me.role === "owner";
export const isOwner = (me) => me.role === "owner";
