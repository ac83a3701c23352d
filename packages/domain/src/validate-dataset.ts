import type { AllocationModel, AllocationRule } from "./allocation-rule.js";
import { membersOn } from "./collaboration.js";
import type { Dataset } from "./dataset.js";
import { closestNames, matchName, type NamedCandidate } from "./names.js";
import type { DataProblem } from "./problem.js";
import { yearEndDate } from "./population.js";

/**
 * Checks what no single file's schema can: that names and ids refer to things that exist, that
 * ids are unique, that every population year a rule needs is there, and that published tables
 * have a row for exactly the members who paid. Returns every problem found, in file order.
 */
export function validateDataset(d: Dataset): DataProblem[] {
  const problems: DataProblem[] = [];
  const add = (file: string, path: string, message: string) => problems.push({ file, path, message });
  const candidates: NamedCandidate[] = d.municipalities.map((m) => ({
    name: m.name,
    spellings: [m.name, ...m.aliases],
  }));
  const known = new Set(d.municipalities.map((m) => m.name));

  /** Reports a name that is not a municipality of this dataset, with the closest names. */
  const checkName = (file: string, path: string, name: string): boolean => {
    if (known.has(name)) return true;
    const exact = matchName(name, candidates);
    if (exact) add(file, path, `municipality "${name}" must be written as its name "${exact}"`);
    else {
      const close = closestNames(name, candidates);
      add(
        file,
        path,
        `unknown municipality "${name}"${close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(" or ")}?` : `; known: ${[...known].join(", ")}`}`,
      );
    }
    return false;
  };
  const duplicates = <T>(
    file: string,
    listPath: string,
    items: readonly T[],
    key: (t: T) => string,
    what: string,
  ) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const k = key(item);
      const first = seen.get(k);
      if (first !== undefined)
        add(file, `${listPath}[${i}]`, `duplicate ${what} "${k}" (first at ${listPath}[${first}])`);
      else seen.set(k, i);
    });
  };

  // municipalities.yaml
  duplicates("municipalities.yaml", "municipalities", d.municipalities, (m) => m.code, "kommunkod");
  duplicates("municipalities.yaml", "municipalities", d.municipalities, (m) => m.name, "name");

  // collaboration.yaml
  const c = d.collaboration;
  c.members.forEach((m, i) =>
    checkName("collaboration.yaml", `collaboration.members[${i}].municipality`, m.municipality),
  );
  duplicates("collaboration.yaml", "collaboration.members", c.members, (m) => m.municipality, "member");
  if (
    checkName("collaboration.yaml", "collaboration.host", c.host) &&
    !c.members.some((m) => m.municipality === c.host)
  ) {
    add("collaboration.yaml", "collaboration.host", `host "${c.host}" is not among the members`);
  }
  duplicates("collaboration.yaml", "collaboration.roles", c.roles, (r) => r.id, "role id");

  // population.yaml
  duplicates("population.yaml", "population", d.population, (v) => v.date, "date");
  d.population.forEach((v, i) => {
    for (const name of Object.keys(v.counts))
      checkName("population.yaml", `population[${i}].counts.${name}`, name);
  });
  const populationDates = d.population.map((v) => v.date);

  // cost-items.yaml
  duplicates("cost-items.yaml", "costItems", d.costItems, (x) => x.id, "cost item id");
  const itemYears = new Set(d.costItems.flatMap((x) => x.years.map((y) => `${x.id}@${y.year}`)));
  const participantsOf = (rule: AllocationRule, year: number): string[] =>
    rule.participants === "allMembers" ? membersOn(c, `${year}-01-01`) : [...rule.participants];

  const checkModel = (path: string, model: AllocationModel, participants: readonly string[]) => {
    const file = "cost-items.yaml";
    if ("populationYear" in model) {
      const date = yearEndDate(model.populationYear);
      const vector = d.population.find((v) => v.date === date);
      if (!vector) {
        add(
          file,
          `${path}.populationYear`,
          `population year ${model.populationYear} is missing: population.yaml has no figures for ${date} (it has ${populationDates.join(", ") || "none"})`,
        );
      } else {
        const lacking = participants.filter((p) => vector.counts[p] === undefined);
        if (lacking.length)
          add(file, `${path}.populationYear`, `population ${date} has no figure for ${lacking.join(", ")}`);
      }
    }
    switch (model.type) {
      case "fixedKey":
        if ("fromTable" in model.key) {
          const table = d.publishedTables.find(
            (t) => t.id === (model.key as { fromTable: string }).fromTable,
          );
          if (!table)
            add(file, `${path}.key.fromTable`, `no published table with id "${model.key.fromTable}"`);
          else {
            const lacking = participants.filter((p) => table.rows[p] === undefined);
            if (lacking.length)
              add(file, `${path}.key.fromTable`, `table "${table.id}" has no row for ${lacking.join(", ")}`);
          }
        } else {
          for (const name of Object.keys(model.key.weights))
            checkName(file, `${path}.key.weights.${name}`, name);
        }
        break;
      case "tiered": {
        const seen = new Map<string, string>();
        model.classes.forEach((cls, ci) =>
          cls.members.forEach((m, mi) => {
            if (!checkName(file, `${path}.classes[${ci}].members[${mi}]`, m)) return;
            const other = seen.get(m);
            if (other)
              add(file, `${path}.classes[${ci}].members[${mi}]`, `"${m}" is already in class "${other}"`);
            seen.set(m, cls.label);
          }),
        );
        const unclassed = participants.filter((p) => !seen.has(p));
        if (unclassed.length) add(file, `${path}.classes`, `no class for ${unclassed.join(", ")}`);
        break;
      }
      case "sum":
        model.of.forEach((ref, i) => {
          if (!itemYears.has(`${ref.costItem}@${ref.year}`))
            add(file, `${path}.of[${i}]`, `no cost item "${ref.costItem}" with year ${ref.year}`);
        });
        break;
      case "usage":
        for (const name of Object.keys(model.quantities)) checkName(file, `${path}.quantities.${name}`, name);
        break;
      default:
        break;
    }
  };

  d.costItems.forEach((item, i) => {
    duplicates("cost-items.yaml", `costItems[${i}].years`, item.years, (y) => String(y.year), "year");
    item.years.forEach((y, yi) => {
      const base = `costItems[${i}].years[${yi}].rule`;
      if (!y.rule) return;
      const rule = y.rule;
      if (rule.participants !== "allMembers") {
        const members = new Set(membersOn(c, `${y.year}-01-01`));
        rule.participants.forEach((p, pi) => {
          if (checkName("cost-items.yaml", `${base}.participants[${pi}]`, p) && !members.has(p)) {
            add(
              "cost-items.yaml",
              `${base}.participants[${pi}]`,
              `"${p}" is not a member on ${y.year}-01-01`,
            );
          }
        });
      }
      const participants = participantsOf(rule, y.year);
      checkModel(`${base}.model`, rule.model, participants);
      rule.alternatives.forEach((alt, ai) =>
        checkModel(`${base}.alternatives[${ai}].model`, alt.model, participants),
      );
    });
  });

  // published-tables.yaml
  duplicates("published-tables.yaml", "publishedTables", d.publishedTables, (t) => t.id, "table id");
  d.publishedTables.forEach((t, i) => {
    const file = "published-tables.yaml";
    const base = `publishedTables[${i}]`;
    let allKnown = true;
    for (const name of Object.keys(t.rows))
      allKnown = checkName(file, `${base}.rows.${name}`, name) && allKnown;
    for (const name of Object.keys(t.rowsAsPrinted ?? {})) {
      if (t.rows[name] === undefined)
        add(file, `${base}.rowsAsPrinted.${name}`, `"${name}" has no row in rows`);
    }
    const item = t.costItem ? d.costItems.find((x) => x.id === t.costItem) : undefined;
    if (t.costItem && !item) add(file, `${base}.costItem`, `no cost item with id "${t.costItem}"`);
    if (!allKnown) return;
    const rule = item?.years.find((y) => y.year === t.year)?.rule;
    const expected = rule ? participantsOf(rule, t.year) : membersOn(c, `${t.year}-01-01`);
    const missing = expected.filter((m) => t.rows[m] === undefined);
    const extra = Object.keys(t.rows).filter((m) => !expected.includes(m));
    if (missing.length || extra.length) {
      const parts = [
        missing.length ? `no row for ${missing.join(", ")}` : "",
        extra.length
          ? `rows for ${extra.join(", ")}, who ${extra.length === 1 ? "is" : "are"} not ${rule ? "taking part" : "a member"} in ${t.year}`
          : "",
      ].filter(Boolean);
      add(
        file,
        `${base}.rows`,
        `rows do not match the ${rule ? "participants" : "members"} of ${t.year}: ${parts.join("; ")}`,
      );
    }
  });

  // statements.yaml
  duplicates("statements.yaml", "statements", d.statements, (s) => s.id, "statement id");
  d.statements.forEach((s, i) => {
    const keys = new Set(s.columns.map((col) => col.key));
    duplicates("statements.yaml", `statements[${i}].columns`, s.columns, (col) => col.key, "column key");
    const checkLine = (path: string, values: Record<string, unknown>) => {
      for (const k of Object.keys(values))
        if (!keys.has(k))
          add(
            "statements.yaml",
            `${path}.values.${k}`,
            `no column "${k}" (columns: ${[...keys].join(", ")})`,
          );
    };
    s.lines.forEach((l, li) => {
      checkLine(`statements[${i}].lines[${li}]`, l.values);
      if (l.costItem && !d.costItems.some((x) => x.id === l.costItem))
        add(
          "statements.yaml",
          `statements[${i}].lines[${li}].costItem`,
          `no cost item with id "${l.costItem}"`,
        );
    });
    s.totals.forEach((l, li) => checkLine(`statements[${i}].totals[${li}]`, l.values));
  });

  // governance files
  duplicates("meetings.yaml", "meetings", d.meetings, (m) => m.id, "meeting id");
  if (d.annualCycle)
    duplicates("annual-cycle.yaml", "annualCycle.entries", d.annualCycle.entries, (e) => e.id, "entry id");
  duplicates("goals.yaml", "goals", d.goals, (g) => g.id, "goal id");
  duplicates("risks.yaml", "risks", d.risks, (r) => r.id, "risk id");
  duplicates("projects.yaml", "projects", d.projects, (p) => p.id, "project id");
  d.projects.forEach((p, i) => {
    if (p.participants !== "allMembers")
      p.participants.forEach((m, mi) => checkName("projects.yaml", `projects[${i}].participants[${mi}]`, m));
    if (p.costItem && !d.costItems.some((x) => x.id === p.costItem))
      add("projects.yaml", `projects[${i}].costItem`, `no cost item with id "${p.costItem}"`);
  });
  duplicates(
    "decisions.yaml",
    "decisions",
    d.decisions,
    (x) => `${x.meetingDate ?? "?"} § ${x.paragraph}`,
    "minute item",
  );

  return problems;
}
