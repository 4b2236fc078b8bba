const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

// ===== YOUR SOLUTION HERE =====
// gigs: array of [s, e, p] offers.
// Return [max total pay, min number of gigs achieving it].
function bestPlan(gigs) {
    return [0, 0];
}

const n = parseInt(data[0], 10);
const gigs = [];
for (let i = 0; i < n; i++) gigs.push([+data[1 + 3 * i], +data[2 + 3 * i], +data[3 + 3 * i]]);
const [pay, cnt] = bestPlan(gigs);
console.log(`${pay} ${cnt}`);
