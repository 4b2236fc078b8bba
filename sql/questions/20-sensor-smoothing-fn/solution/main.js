/**
 * @param {number[]} readings
 * @param {number} alpha
 * @return {number[]}
 */
function smooth(readings, alpha) {
    const s = [readings[0]];
    for (let i = 1; i < readings.length; i++) s.push(alpha * readings[i] + (1 - alpha) * s[i - 1]);
    return s;
}
