const data = require('fs').readFileSync(0, 'utf8');

function topWords(k, text) {
    const counts = new Map();
    for (const m of text.matchAll(/[A-Za-z]+/g)) {
        const w = m[0].toLowerCase();
        counts.set(w, (counts.get(w) || 0) + 1);
    }
    const list = [...counts.entries()];
    list.sort((a, b) => (a[1] !== b[1] ? b[1] - a[1] : (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
    return list.slice(0, k);
}

const nl = data.indexOf('\n');
const k = parseInt(nl < 0 ? data : data.slice(0, nl), 10);
const text = nl < 0 ? '' : data.slice(nl + 1);
console.log(topWords(k, text).map(([w, c]) => `${w} ${c}`).join('\n'));
