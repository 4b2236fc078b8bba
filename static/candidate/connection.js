// connection.js - a lost connection: the banner saying so, and probes with a
// doubling delay (1 s up to 30 s) until the service answers again. The probe
// is the heartbeat, which also re-syncs the clock.
import { byId } from "../common/dom.js";
import { announce } from "./views.js";

export const RETRY_FIRST_MS = 1000;
export const RETRY_MAX_MS = 30000;

// probe(): a request whose answer reports back through lost()/restored().
// onChange(): the connection went down or came back.
// onRestored(): it came back (before onChange).
export function createConnection({ probe, onChange, onRestored }) {
	let down = false;
	let delay = RETRY_FIRST_MS;
	let nextAt = 0;
	let timer = 0;

	function render() {
		if (!down) return;
		const s = Math.max(0, Math.ceil((nextAt - Date.now()) / 1000));
		byId("conn-detail").textContent = s > 0 ? "Trying again in " + s + " s." : "Retrying now…";
	}

	function schedule() {
		clearTimeout(timer);
		nextAt = Date.now() + delay;
		render();
		timer = setTimeout(runProbe, delay);
	}

	function runProbe() {
		byId("conn-detail").textContent = "Retrying now…";
		probe().then(() => {
			if (!down) return;
			delay = Math.min(delay * 2, RETRY_MAX_MS);
			schedule();
		});
	}

	byId("conn-retry").addEventListener("click", () => {
		clearTimeout(timer);
		runProbe();
	});

	return {
		isDown: () => down,
		render,

		lost() {
			if (down) return;
			down = true;
			delay = RETRY_FIRST_MS;
			byId("conn-banner").hidden = false;
			onChange();
			schedule();
		},

		restored() {
			if (!down) return;
			down = false;
			clearTimeout(timer);
			byId("conn-banner").hidden = true;
			announce("Connection restored.");
			onRestored();
			onChange();
		},

		// no more probes (the test is locked)
		stop() {
			clearTimeout(timer);
		},
	};
}
