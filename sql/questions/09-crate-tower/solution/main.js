const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

function tallestTower(w) {
    const tails = new Int32Array(w.length);
    let len = 0;
    for (const x of w) {
        const v = -x;
        let lo = 0, hi = len;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (tails[mid] < v) lo = mid + 1; else hi = mid;
        }
        tails[lo] = v;
        if (lo === len) len++;
    }
    return len;
}

const n = parseInt(data[0], 10);
const w = [];
for (let i = 1; i <= n; i++) w.push(parseInt(data[i], 10));
console.log(String(tallestTower(w)));
