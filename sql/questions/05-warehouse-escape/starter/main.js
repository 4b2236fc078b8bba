const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

// ===== YOUR SOLUTION HERE =====
// rows: array of R strings of length C.
// Return the minimum number of moves to an exit, or -1.
function escapeTime(r, c, rows) {
    return -1;
}

const r = parseInt(data[0], 10), c = parseInt(data[1], 10);
console.log(String(escapeTime(r, c, data.slice(2, 2 + r))));
