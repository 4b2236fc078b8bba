const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

function typoCost(ins, del, rep, s, t) {
    const n = s.length, m = t.length;
    let prev = new Float64Array(m + 1), cur = new Float64Array(m + 1);
    for (let j = 0; j <= m; j++) prev[j] = j * ins;
    for (let i = 1; i <= n; i++) {
        const a = s.charCodeAt(i - 1);
        cur[0] = i * del;
        for (let j = 1; j <= m; j++) {
            let v = prev[j - 1] + (a === t.charCodeAt(j - 1) ? 0 : rep);
            if (prev[j] + del < v) v = prev[j] + del;
            if (cur[j - 1] + ins < v) v = cur[j - 1] + ins;
            cur[j] = v;
        }
        [prev, cur] = [cur, prev];
    }
    return prev[m];
}

const [ins, del, rep] = data.slice(0, 3).map(Number);
console.log(String(typoCost(ins, del, rep, data[3], data[4])));
