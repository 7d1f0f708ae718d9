/** ExcelApi versions the fake host reports (compared as "major.minor" strings: "1.10" > "1.9"). */
export function requirementChecker(maxExcelApi = "1.13") {
  const v = (s: string) => s.split(".").map(Number);
  return (name: string, version = "1.1") => {
    if (name !== "ExcelApi") return false;
    const [a, b] = v(version);
    const [x, y] = v(maxExcelApi);
    return a < x || (a === x && b <= y);
  };
}
