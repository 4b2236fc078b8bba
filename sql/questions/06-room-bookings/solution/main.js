const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

// bookings: array of [start, end]; returns { blocks, peak }
function report(bookings) {
    const sorted = bookings.slice().sort((a, b) => (a[0] - b[0]) || (a[1] - b[1]));
    const blocks = [];
    for (const [s, e] of sorted) {
        if (blocks.length > 0 && s <= blocks[blocks.length - 1][1]) {
            const last = blocks[blocks.length - 1];
            if (e > last[1]) last[1] = e;
        } else {
            blocks.push([s, e]);
        }
    }
    const starts = Float64Array.from(bookings, b => b[0]).sort();
    const ends = Float64Array.from(bookings, b => b[1]).sort();
    let peak = 0, cur = 0, j = 0;
    for (let i = 0; i < starts.length; i++) {
        while (ends[j] <= starts[i]) { j++; cur--; }
        cur++;
        if (cur > peak) peak = cur;
    }
    return { blocks, peak };
}

const n = parseInt(data[0], 10);
const bookings = [];
for (let i = 0; i < n; i++) bookings.push([parseInt(data[1 + 2 * i], 10), parseInt(data[2 + 2 * i], 10)]);
const { blocks, peak } = report(bookings);
const out = [`${blocks.length} ${peak}`];
for (const [s, e] of blocks) out.push(`${s} ${e}`);
console.log(out.join('\n'));
