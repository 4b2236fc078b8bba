const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

// ===== YOUR SOLUTION HERE =====
// c: raft capacity; weights: array of N tourist weights.
// Return the minimum number of rafts.
function minRafts(c, weights) {
    return 0;
}

const n = parseInt(data[0], 10);
const c = parseInt(data[1], 10);
const weights = [];
for (let i = 0; i < n; i++) weights.push(parseInt(data[2 + i], 10));
console.log(String(minRafts(c, weights)));
