/**
 * @param {string} harness
 * @return {string}
 */
function inspect(harness) {
    const opening = "([{<", closing = ")]}>";
    const stack = [];
    for (let i = 0; i < harness.length; i++) {
        const k = opening.indexOf(harness[i]);
        if (k >= 0) stack.push([k, i + 1]);
        else if (!stack.length || closing[stack[stack.length - 1][0]] !== harness[i]) return "ERROR " + (i + 1);
        else stack.pop();
    }
    return stack.length ? "ERROR " + stack[0][1] : "OK";
}
