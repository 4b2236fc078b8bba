const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

const MOD = 1000000007;

// ===== YOUR SOLUTION HERE =====
// edges: array of [u, v, w] two-way streets.
// Return null if intersection n is unreachable from 1,
// otherwise [D, number of fastest routes modulo MOD].
function fastestRoutes(n, edges) {
    return null;
}

const n = parseInt(data[0], 10), m = parseInt(data[1], 10);
const edges = [];
for (let j = 0; j < m; j++) edges.push([+data[2 + 3 * j], +data[3 + 3 * j], +data[4 + 3 * j]]);
const res = fastestRoutes(n, edges);
console.log(res === null ? '-1' : `${res[0]} ${res[1]}`);
