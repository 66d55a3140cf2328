// Debian's Chromium as the tools' scripts launch it (Playwright's own browser builds cannot be downloaded on
// our machines): headless, quiet, no first-run work.
export const CHROMIUM_LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};
