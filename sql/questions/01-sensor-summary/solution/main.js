const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

function solve(readings) {
    // |sum| <= 3e13 and |a_i * N| <= 3e13, both exact in a double (< 2^53).
    const n = readings.length;
    let mn = Infinity, mx = -Infinity, sum = 0;
    for (const x of readings) {
        if (x < mn) mn = x;
        if (x > mx) mx = x;
        sum += x;
    }
    let above = 0;
    for (const x of readings) if (x * n > sum) above++;
    return `${mn} ${mx} ${sum} ${above}`;
}

const n = parseInt(data[0], 10);
const readings = [];
for (let i = 1; i <= n; i++) readings.push(parseInt(data[i], 10));
console.log(solve(readings));
