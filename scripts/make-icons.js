// Renders assets/icon-{16,32,64,80,128}.png with Debian's chromium (run once; the PNGs are committed).
const { chromium } = require("playwright-core");
const path = require("path");
(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage();
  for (const size of [16, 32, 64, 80, 128]) {
    await page.setViewportSize({ width: size, height: size });
    const r = Math.round(size * 0.18);
    await page.setContent(`<html><body style="margin:0;background:transparent">
      <svg width="${size}" height="${size}" viewBox="0 0 64 64" xmlns="http://www.w3.org/2000/svg">
        <rect x="2" y="2" width="60" height="60" rx="${(r * 64) / size}" fill="#0F6CBD"/>
        <rect x="12" y="12" width="40" height="40" rx="3" fill="#fff"/>
        <path d="M12 25h40M12 38h40M27 12v40" stroke="#0F6CBD" stroke-width="3"/>
        <path d="M33 30l5 5 10-11" stroke="#107C10" stroke-width="5" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
      </svg></body></html>`);
    await page.screenshot({ path: path.join(__dirname, "..", "assets", `icon-${size}.png`), omitBackground: true });
  }
  await browser.close();
})();
