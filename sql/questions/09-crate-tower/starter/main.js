const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

// ===== YOUR SOLUTION HERE =====
// w: array of N crate weights in conveyor order.
// Return the maximum number of crates in a stable tower.
function tallestTower(w) {
    return 0;
}

const n = parseInt(data[0], 10);
const w = [];
for (let i = 1; i <= n; i++) w.push(parseInt(data[i], 10));
console.log(String(tallestTower(w)));
