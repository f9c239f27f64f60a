// npm run bench: not written yet — the benchmark arrives with the speed-and-size issue.
// It prints no numbers until it measures them.
console.error("claimlens: the benchmark is not implemented yet (see the speed-and-size issue); nothing was measured.");
process.exit(1);
