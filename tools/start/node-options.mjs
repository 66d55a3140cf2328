// The Node.js options the API runs with, wherever it is started (`npm start`, the bench; the Docker image sets
// the same in its ENV): one place, so that what is measured is what runs.

/**
 * The most the API's JavaScript heap may grow to, in MB. Besides bounding it, a bound makes V8 collect sooner:
 * without one, V8 let the heap grow to four times its live size (about 60 MB) before marking, and a 10,000-learner
 * roster commit took the process to 325-343 MB of memory; with 1,024 MB, 232 MB (docs/benchmarks.md, issue 20).
 */
export const API_MAX_OLD_SPACE_MB = 1024;

/** `NODE_OPTIONS` for the API: as given, with the heap bound added unless it sets its own. */
export function apiNodeOptions(nodeOptions = '') {
  return /--max-old-space-size\b/.test(nodeOptions)
    ? nodeOptions
    : `${nodeOptions} --max-old-space-size=${API_MAX_OLD_SPACE_MB}`.trim();
}
