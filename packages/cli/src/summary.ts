import {
  checkPublishedTable,
  checkStatement,
  formatMoney,
  formatNumber,
  membersOn,
  type Dataset,
} from "@samverkan/domain";

const CATEGORY_SV: Record<string, string> = {
  baseFunding: "grundfinansiering",
  sharedStaff: "gemensam personal",
  sharedService: "gemensam tjänst",
  project: "projekt",
  billedBySupplier: "faktureras direkt av leverantören",
};

/** A plain-text overview of one dataset: members, population years, cost items and what is flagged. */
export function summarizeDataset(d: Dataset, today: string): string {
  const c = d.collaboration;
  const out: string[] = [];
  out.push(`${c.name} (${c.id}) — ${c.kind}, värdkommun ${c.host}`);
  const members = membersOn(c, today);
  out.push(`  Medlemmar ${today}: ${members.length} — ${members.join(", ")}`);
  out.push(`  Befolkning (SCB): ${d.population.map((v) => v.date).join(", ")}`);
  out.push(`  Kostnadsposter:`);
  for (const item of d.costItems) {
    const years = item.years
      .map((y) => `${y.year}: ${y.total ? formatMoney(y.total, y.rule?.unit ?? y.unit) : "–"}`)
      .join("; ");
    out.push(`    - ${item.name} [${CATEGORY_SV[item.category] ?? item.category}] ${years}`);
  }
  const flagged = d.publishedTables.filter((t) => !checkPublishedTable(t).totalMatchesRowSum);
  out.push(
    `  Publicerade tabeller: ${d.publishedTables.length}${flagged.length ? `, varav ${flagged.length} där summan inte stämmer med raderna:` : ""}`,
  );
  for (const t of flagged) {
    const check = checkPublishedTable(t);
    out.push(
      `    ! ${t.source.title ?? t.title}, ${t.column}: raderna summerar till ${formatNumber(check.rowSum)}, tryckt summa ${formatNumber(check.totalPrinted ?? check.rowSum)} (${t.source.document})`,
    );
  }
  const badStatements = d.statements.flatMap((s) =>
    checkStatement(s)
      .filter((x) => !x.matches)
      .map((x) => ({ s, x })),
  );
  out.push(
    `  Ekonomiska sammanställningar: ${d.statements.length}${badStatements.length ? `, varav ${badStatements.length} ${badStatements.length === 1 ? "kolumn" : "kolumner"} där summan inte stämmer:` : ""}`,
  );
  for (const { s, x } of badStatements) {
    const label = s.columns.find((col) => col.key === x.column)?.label ?? x.column;
    out.push(
      `    ! ${s.title}, ${label}: raderna ${formatNumber(x.rowSum)}, tryckt ${x.printed.map((p) => formatNumber(p)).join(" / ")} ${s.unit}`,
    );
  }
  const upcoming = d.meetings.filter((m) => m.date >= today && m.status !== "cancelled");
  out.push(
    `  Sammanträden och möten: ${d.meetings.length}${upcoming.length ? `, nästa ${upcoming[0]?.date}` : ""}`,
  );
  if (d.annualCycle) out.push(`  Årshjul: ${d.annualCycle.entries.map((e) => e.label).join(", ")}`);
  out.push(
    `  Mål och indikatorer: ${d.goals.length}; risker: ${d.risks.length}; projekt: ${d.projects.length}; protokollsparagrafer: ${d.decisions.length}`,
  );
  return out.join("\n");
}
