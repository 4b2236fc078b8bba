const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(s => s.length > 0);

const OPEN = '([{<', CLOSE = ')]}>';

function inspect(s) {
    const stack = [];
    for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (OPEN.includes(c)) {
            stack.push(i);
        } else {
            if (stack.length === 0 || OPEN.indexOf(s[stack[stack.length - 1]]) !== CLOSE.indexOf(c)) {
                return 'ERROR ' + (i + 1);
            }
            stack.pop();
        }
    }
    return stack.length > 0 ? 'ERROR ' + (stack[0] + 1) : 'OK';
}

const t = parseInt(data[0], 10);
const out = [];
for (let i = 1; i <= t; i++) out.push(inspect(data[i]));
console.log(out.join('\n'));
