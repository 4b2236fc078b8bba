// tests/piston_client.mjs - programs run through the npm package piston-client (a real
// Piston client, pinned in conf/npm) against our Piston-compatible API; for
// tests/service_test.py (T16Piston), which checks what comes back.
//
//   NODE_PATH=build/npm/node_modules node tests/piston_client.mjs < job.json
//
// job.json: {"server": "http://127.0.0.1:PORT/piston", "runs": [[language, code, config], ...]}
// (config as piston-client's execute() takes it: stdin, args, runTimeout, ...).  Prints
// {"runtimes": <client.runtimes()>, "results": [<client.execute(...)>, ...]} as JSON.
import { createRequire } from "module";
import { readFileSync } from "fs";
import { pathToFileURL } from "url";

// ES modules do not search NODE_PATH; require.resolve does, so find the package with it
const require = createRequire(import.meta.url);
const { piston } = await import(pathToFileURL(require.resolve("piston-client")).href);

const job = JSON.parse(readFileSync(0, "utf8"));
const client = piston({ server: job.server });
// the client answers a network failure with {success: false, error: <Error>}: keep its text
const plain = (r) => (r && r.error instanceof Error ? { ...r, error: String(r.error) } : r);
const out = { runtimes: plain(await client.runtimes()), results: [] };
for (const [language, code, config] of job.runs)
	out.results.push(plain(await client.execute(language, code, config || {})));
process.stdout.write(JSON.stringify(out) + "\n");
