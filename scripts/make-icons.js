// Renders the ribbon and add-in icons with Debian's chromium (run once: `node scripts/make-icons.js`; the PNGs are committed).
// Sizes: 16/20/24/32/40/48/64/80 for the ribbon at every DPI scale Office asks for, 128 for the store listing.
const { chromium } = require("playwright-core");
const path = require("path");

const BLUE = "#0F6CBD";
const GLYPHS = {
  // 审核面板: a sheet with a check mark (also the add-in icon)
  icon: `<rect x="2" y="2" width="60" height="60" rx="R" fill="${BLUE}"/>
    <rect x="12" y="12" width="40" height="40" rx="3" fill="#fff"/>
    <path d="M12 25h40M12 38h40M27 12v40" stroke="${BLUE}" stroke-width="3"/>
    <path d="M33 30l5 5 10-11" stroke="#107C10" stroke-width="5" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`,
  // 一键审核: the sheet with a play triangle
  run: `<rect x="2" y="2" width="60" height="60" rx="R" fill="${BLUE}"/>
    <rect x="12" y="12" width="40" height="40" rx="3" fill="#fff"/>
    <path d="M12 25h40M27 12v13" stroke="${BLUE}" stroke-width="3"/>
    <path d="M28 30v16l14-8z" fill="#107C10"/>`,
  // 清除标记: the sheet with a red mark struck out
  clear: `<rect x="2" y="2" width="60" height="60" rx="R" fill="${BLUE}"/>
    <rect x="12" y="12" width="40" height="40" rx="3" fill="#fff"/>
    <rect x="19" y="22" width="26" height="20" fill="#FDE7E9" stroke="#C50F1F" stroke-width="3"/>
    <path d="M16 48l32-32" stroke="#605E5C" stroke-width="5" stroke-linecap="round"/>`,
};

(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const page = await browser.newPage();
  for (const [name, glyph] of Object.entries(GLYPHS))
    for (const size of [16, 20, 24, 32, 40, 48, 64, 80, 128]) {
      if (name !== "icon" && size === 128) continue;
      await page.setViewportSize({ width: size, height: size });
      const r = (Math.round(size * 0.18) * 64) / size;
      await page.setContent(`<html><body style="margin:0;background:transparent">
        <svg width="${size}" height="${size}" viewBox="0 0 64 64" xmlns="http://www.w3.org/2000/svg">${glyph.replace("R", String(r))}</svg></body></html>`);
      await page.screenshot({
        path: path.join(__dirname, "..", "assets", `${name}-${size}.png`),
        omitBackground: true,
      });
    }
  await browser.close();
})();
