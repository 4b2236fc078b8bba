const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

function minRafts(c, weights) {
    // Float64Array sorts numerically; weights up to 2e9 and sums up to 4e9 are exact.
    const w = Float64Array.from(weights).sort();
    let i = 0, j = w.length - 1, rafts = 0;
    while (i <= j) {
        if (i < j && w[i] + w[j] <= c) i++;
        j--;
        rafts++;
    }
    return rafts;
}

const n = parseInt(data[0], 10);
const c = parseInt(data[1], 10);
const weights = [];
for (let i = 0; i < n; i++) weights.push(parseInt(data[2 + i], 10));
console.log(String(minRafts(c, weights)));
