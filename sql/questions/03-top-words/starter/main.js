const data = require('fs').readFileSync(0, 'utf8');

// ===== YOUR SOLUTION HERE =====
// k: how many words to report; text: the whole document.
// Return an array of [word, count] pairs in the required order.
function topWords(k, text) {
    return [['todo', 0]];
}

const nl = data.indexOf('\n');
const k = parseInt(nl < 0 ? data : data.slice(0, nl), 10);
const text = nl < 0 ? '' : data.slice(nl + 1);
console.log(topWords(k, text).map(([w, c]) => `${w} ${c}`).join('\n'));
