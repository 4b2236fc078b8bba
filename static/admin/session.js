// session.js - the recruiter's sign-in (the bearer token, kept for the tab) and
// the API client of the admin pages, which sends it and notices when it dies.
import { ApiError, createClient } from "../common/api.js";

const TOKEN_KEY = "ce-admin-token";
const USER_KEY = "ce-admin-user";
const LOGIN_PATH = "/api/admin/login";

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
