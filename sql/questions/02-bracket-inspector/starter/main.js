const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

// ===== YOUR SOLUTION HERE =====
// s: one harness string. Return "OK" or "ERROR p".
function inspect(s) {
    return 'OK';
}

const t = parseInt(data[0], 10);
const out = [];
for (let i = 1; i <= t; i++) out.push(inspect(data[i]));
console.log(out.join('\n'));
