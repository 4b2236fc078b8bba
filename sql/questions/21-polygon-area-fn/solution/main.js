/**
 * @param {number[][]} points
 * @return {number}
 */
function polygonArea(points) {
    let twice = 0;
    for (let i = 0; i < points.length; i++) {
        const [x, y] = points[i], [nx, ny] = points[(i + 1) % points.length];
        twice += x * ny - nx * y;
    }
    return Math.abs(twice) / 2;
}
