/**
 * @param {number[][]} bookings
 * @return {number[][]}
 */
function busyBlocks(bookings) {
    const blocks = [];
    for (const [start, end] of [...bookings].sort((a, b) => a[0] - b[0])) {
        const last = blocks[blocks.length - 1];
        if (last && start <= last[1]) last[1] = Math.max(last[1], end);
        else blocks.push([start, end]);
    }
    return blocks;
}
