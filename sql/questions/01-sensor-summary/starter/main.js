const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

// ===== YOUR SOLUTION HERE =====
// readings: array of N integers. Return "min max sum above".
function solve(readings) {
    return "0 0 0 0";
}

const n = parseInt(data[0], 10);
const readings = [];
for (let i = 1; i <= n; i++) readings.push(parseInt(data[i], 10));
console.log(solve(readings));
