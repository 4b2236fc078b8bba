const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

// ===== YOUR SOLUTION HERE =====
// h: the r*c elevations in row-major order (cell (i, j) is h[i * c + j]).
// Return [E, S].
function ridgeTrail(r, c, h) {
    return [0, 0];
}

const r = parseInt(data[0], 10), c = parseInt(data[1], 10);
const h = new Int32Array(r * c);
for (let i = 0; i < r * c; i++) h[i] = parseInt(data[2 + i], 10);
const [e, s] = ridgeTrail(r, c, h);
console.log(`${e} ${s}`);
