function meanAbsoluteDeviation(values) {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, x) => a + Math.abs(x - m), 0) / values.length;
}
