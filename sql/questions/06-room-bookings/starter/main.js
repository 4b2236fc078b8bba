const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

// ===== YOUR SOLUTION HERE =====
// bookings: array of [start, end] half-open ranges.
// Return { blocks, peak } where blocks is an array of [start, end] in time order.
function report(bookings) {
    return { blocks: [], peak: 0 };
}

const n = parseInt(data[0], 10);
const bookings = [];
for (let i = 0; i < n; i++) bookings.push([parseInt(data[1 + 2 * i], 10), parseInt(data[2 + 2 * i], 10)]);
const { blocks, peak } = report(bookings);
const out = [`${blocks.length} ${peak}`];
for (const [s, e] of blocks) out.push(`${s} ${e}`);
console.log(out.join('\n'));
