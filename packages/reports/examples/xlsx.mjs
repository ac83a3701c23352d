// "Gemensamma tjänster 2023" as an Excel workbook: one sheet per section, real numbers with a kr
// format, SUM totals, frozen header. Run from the repository root after `npm install` and
// `npm run build -w @samverkan/reports`:  node packages/reports/examples/xlsx.mjs
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadBundledDataset } from "@samverkan/data";
import { buildReport, renderXlsx } from "@samverkan/reports";

const norrbotten = loadBundledDataset("norrbotten");
const report = buildReport(norrbotten, "allocation", { year: 2023, table: "Gemensamma tjänster 2023" });

const file = join(await mkdtemp(join(tmpdir(), "samverkan-")), "gemensamma-tjanster-2023.xlsx");
await writeFile(file, await renderXlsx(report));
console.log(`Wrote ${file}`);

// Read it back as a spreadsheet program would: the totals are formulas with cached results.
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(file);
for (const sheet of workbook.worksheets) {
  const formulas = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) formulas.push(`${cell.address} =${cell.formula} → ${cell.result}`);
    }),
  );
  console.log(`${sheet.name}: ${sheet.rowCount} rows; ${formulas.slice(0, 3).join("; ") || "no formulas"}`);
}
