const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

// gigs: array of [s, e, p]; returns [max total pay, min number of gigs].
// Totals stay below 2^53 (at most 2 * 10^10), so plain numbers are exact.
function bestPlan(gigs) {
    const g = gigs.slice().sort((a, b) => a[1] - b[1]);
    const n = g.length;
    const pay = new Float64Array(n + 1), cnt = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
        const [s, , p] = g[i];
        let lo = 0, hi = i;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (g[mid][1] <= s) lo = mid + 1; else hi = mid;
        }
        const tp = pay[lo] + p, tc = cnt[lo] + 1;
        if (tp > pay[i] || (tp === pay[i] && tc < cnt[i])) { pay[i + 1] = tp; cnt[i + 1] = tc; }
        else { pay[i + 1] = pay[i]; cnt[i + 1] = cnt[i]; }
    }
    return [pay[n], cnt[n]];
}

const n = parseInt(data[0], 10);
const gigs = [];
for (let i = 0; i < n; i++) gigs.push([+data[1 + 3 * i], +data[2 + 3 * i], +data[3 + 3 * i]]);
const [pay, cnt] = bestPlan(gigs);
console.log(`${pay} ${cnt}`);
