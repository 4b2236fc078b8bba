// ending.js - every way the test ends, and the lock that makes the page
// read-only from then on: the time running out (the last code submitted, then
// the session completed), finishing by hand through the confirmation dialog,
// the server saying the session is over, and another tab taking the session.
import { transient, errorMessage } from "../common/api.js";
import { byId, setButton, sleep } from "../common/dom.js";
import { RETRY_FIRST_MS, RETRY_MAX_MS } from "./connection.js";
import { announce, setBanner } from "./views.js";

const CONTROLS = ["run-btn", "submit-btn", "finish-btn", "lang-select", "custom-input", "custom-fields"];

// session, drafts, workspace, clock, connection: the modules of those names.
export function createEnding({ session, drafts, workspace, clock, connection }) {
	// open; ending: locked while the last code goes in; closed: read-only
	let phase = "open";
	const dialog = byId("finish-dialog");

	/* Read-only from here on. The finish dialog closes unless it is the one
	 * finishing the test. */
	function lock(keepDialog) {
		if (phase === "open") phase = "closed";
		if (!keepDialog && dialog.open) dialog.close();
		workspace.setReadOnly(true);
		for (const id of CONTROLS) byId(id).disabled = true;
		drafts.cancelSave();
		connection.stop();
		document.body.classList.add("locked");
	}

	function endWith(text) {
		setBanner("time-banner", "", "");
		setBanner("state-banner", "banner-info", text);
		announce(text);
		drafts.renderStatus();
	}

	async function timeUp() {
		if (phase !== "open") return;
		phase = "ending";
		lock();
		setBanner("state-banner", "banner-warn", "Time is up. Submitting your latest code…");
		announce("Time is up. Your latest code is being submitted.");
		await workspace.submitPending();
		await drafts.save();
		await session.complete("timer_expired");
		phase = "closed";
		clock.showZero();
		endWith("Time is up. Your test has ended and your latest code was submitted. You can close this tab.");
	}

	function lockFinished(status, method) {
		lock();
		clock.hide();
		let text;
		if (status === "abandoned") text = "This test was closed because the page was away for too long. Your saved code is shown read-only.";
		else if (method === "timer_expired") text = "Time is up. The test has ended; your code is shown read-only. You can close this tab.";
		else if (method === "manual") text = "You have finished the test. Your code is shown read-only. You can close this tab.";
		else text = "This test has ended. Your code is shown read-only. You can close this tab.";
		endWith(text);
	}

	/* The server says the session is over (time, or finished elsewhere). */
	async function sessionOver() {
		if (phase !== "open") return;
		lock();
		const res = await session.read();
		const s = res.status === 200 ? res.json.session : {};
		lockFinished(s.status || "completed", s.completion_method);
	}

	/* Another tab started or resumed the session: its token replaced ours. */
	function tokenRevoked() {
		if (phase !== "open") return;
		lock();
		const text = "This test is now open in another tab or window, and only the newest one can save. " +
			"Continue there, or reload this page to continue here.";
		setBanner("state-banner", "banner-warn", text);
		announce(text);
		drafts.renderStatus();
	}

	/* ---- finishing by hand ---- */

	function openFinishDialog() {
		if (phase !== "open") return;
		const n = workspace.pendingCount();
		byId("fd-pending").textContent = n
			? n + (n === 1 ? " question has" : " questions have") + " code you have not submitted; finishing submits it for you."
			: "All your code has been submitted.";
		byId("fd-error").textContent = "";
		dialog.showModal();
		byId("fd-cancel").focus();
	}

	/* Finishing must not be lost to a short outage: retry while it is one. */
	async function completeWithRetry() {
		let delay = RETRY_FIRST_MS;
		for (;;) {
			const res = await session.complete("manual");
			if (!transient(res)) return res;
			connection.lost();
			await sleep(delay);
			delay = Math.min(delay * 2, RETRY_MAX_MS);
		}
	}

	function unlockAfterFailedFinish(res) {
		phase = "open";
		document.body.classList.remove("locked");
		workspace.setReadOnly(false);
		for (const id of ["finish-btn", "lang-select", "custom-input", "custom-fields"]) byId(id).disabled = false;
		workspace.setBusy(null);
		setBanner("state-banner", "banner-error", "The test could not be finished (" +
			(errorMessage(res) || "error " + res.status) + "). Try Finish test again.");
		if (res.status === 401) tokenRevoked();
	}

	async function finishTest() {
		const confirm = byId("fd-confirm");
		const cancel = byId("fd-cancel");
		confirm.disabled = cancel.disabled = true;
		setButton(confirm, "Finishing…", true);
		phase = "ending";
		lock(true);
		await workspace.submitPending();
		await drafts.save();
		const res = await completeWithRetry();
		phase = "closed";
		confirm.disabled = cancel.disabled = false;
		setButton(confirm, "Finish test", false);
		dialog.close();
		if (res.status === 200 || res.status === 409) {
			lockFinished("completed", "manual");
			byId("state-banner").focus();
		} else {
			unlockAfterFailedFinish(res);
		}
	}

	byId("finish-btn").addEventListener("click", openFinishDialog);
	byId("fd-cancel").addEventListener("click", () => dialog.close());
	byId("fd-confirm").addEventListener("click", finishTest);
	dialog.addEventListener("close", () => {
		if (phase === "open") byId("finish-btn").focus();
	});
	// Escape closes the dialog, except while the test is being finished.
	dialog.addEventListener("cancel", (e) => {
		if (phase === "ending") e.preventDefault();
	});
	byId("state-banner").setAttribute("tabindex", "-1");

	return {
		phase: () => phase,
		isLocked: () => phase !== "open",
		timeUp,
		lockFinished,
		sessionOver,
		tokenRevoked,
	};
}
