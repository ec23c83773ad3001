/** The system Chromium (Debian's package, never a downloaded browser), as the console's browser test and benchmark launch it. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, offline, no sandbox (CI runs as root): nothing in the background adds requests or CPU. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
