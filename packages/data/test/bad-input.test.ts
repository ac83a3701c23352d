import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DatasetError, formatProblem } from "@samverkan/domain";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../src/index.js";
import { copyOfBundled, editYaml } from "./helpers.js";

/** Loads the folder and returns the problems it reports, each as one "file: path: message" line. */
function problemsOf(dir: string): string[] {
  try {
    loadDataset(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return (error as DatasetError).problems.map((p) =>
      formatProblem({ ...p, file: p.file.replace(`${dir}/`, "") }),
    );
  }
  throw new Error("the dataset loaded although it is broken");
}

describe("a malformed data file fails as a whole, naming file, path and problem", () => {
  it("an unknown municipality in a published table, with the closest names", () => {
    const dir = copyOfBundled("norrbotten");
    editYaml(dir, "published-tables.yaml", (doc) => {
      const rows = doc.publishedTables[4].rows; // nb2022_earkiv
      rows.Kalx = rows.Kalix;
      delete rows.Kalix;
    });
    expect(problemsOf(dir)).toEqual([
      'published-tables.yaml: publishedTables[4].rows.Kalx: unknown municipality "Kalx"; did you mean "Kalix"?',
    ]);
  });

  it("a municipality spelled without å/ä/ö is told its printed name", () => {
    const dir = copyOfBundled("norrbotten");
    editYaml(dir, "published-tables.yaml", (doc) => {
      const rows = doc.publishedTables[0].rows;
      rows.Lulea = rows["Luleå"];
      delete rows["Luleå"];
    });
    expect(problemsOf(dir)).toEqual([
      'published-tables.yaml: publishedTables[0].rows.Lulea: municipality "Lulea" must be written as its name "Luleå"',
    ]);
  });

  it("a municipality that is not in the dataset at all lists nothing misleading", () => {
    const dir = copyOfBundled("norrbotten");
    editYaml(dir, "collaboration.yaml", (doc) => {
      doc.collaboration.members.push({ municipality: "Stockholm", from: "2013-01-01" });
    });
    const problems = problemsOf(dir);
    expect(problems[0]).toMatch(
      /^collaboration\.yaml: collaboration\.members\[14\]\.municipality: unknown municipality "Stockholm"; known: Arvidsjaur, Arjeplog,/,
    );
  });

  it("duplicate ids", () => {
    const dir = copyOfBundled("norrbotten");
    editYaml(dir, "cost-items.yaml", (doc) => {
      doc.costItems[3].id = "grundfinansiering";
    });
    expect(problemsOf(dir)).toEqual([
      'cost-items.yaml: costItems[3]: duplicate cost item id "grundfinansiering" (first at costItems[0])',
      // …and the table and the project that referred to the renamed item no longer find it.
      'published-tables.yaml: publishedTables[10].costItem: no cost item with id "eco-grundplattform"',
      'projects.yaml: projects[0].costItem: no cost item with id "eco-grundplattform"',
    ]);
  });

  it("a population year that is missing", () => {
    const dir = copyOfBundled("norrbotten");
    editYaml(dir, "cost-items.yaml", (doc) => {
      doc.costItems[6].years[0].rule.model.populationYear = 2016; // E-arkiv 2022
    });
    expect(problemsOf(dir)).toEqual([
      "cost-items.yaml: costItems[6].years[0].rule.model.populationYear: population year 2016 is missing: population.yaml has no figures for 2016-12-31 (it has 1994-12-31, 1995-12-31, 1998-12-31, 2017-12-31, 2018-12-31, 2019-12-31, 2020-12-31, 2023-12-31)",
    ]);
  });

  it("a negative amount", () => {
    const dir = copyOfBundled("norrbotten");
    editYaml(dir, "published-tables.yaml", (doc) => {
      doc.publishedTables[2].rows.Boden = -92800;
    });
    expect(problemsOf(dir)).toEqual([
      "published-tables.yaml: publishedTables[2].rows.Boden: must not be negative",
    ]);
  });

  it("a table whose rows don't match the members", () => {
    const dir = copyOfBundled("norrbotten");
    editYaml(dir, "published-tables.yaml", (doc) => {
      delete doc.publishedTables[3].rows.Pajala;
    });
    expect(problemsOf(dir)).toEqual([
      // The table is also the fixed key of Räddningstjänsten's rules, which now lack a share for Pajala.
      'cost-items.yaml: costItems[5].years[0].rule.model.key.fromTable: table "nb2022_raddningstjansten" has no row for Pajala',
      'cost-items.yaml: costItems[5].years[1].rule.model.key.fromTable: table "nb2022_raddningstjansten" has no row for Pajala',
      "published-tables.yaml: publishedTables[3].rows: rows do not match the participants of 2022: no row for Pajala",
    ]);
  });

  it("a rounding unit that does not exist", () => {
    const dir = copyOfBundled("norrbotten");
    editYaml(dir, "cost-items.yaml", (doc) => {
      doc.costItems[3].years[0].rule.rounding = { unit: 10, mode: "ceil" };
    });
    expect(problemsOf(dir)).toEqual([
      "cost-items.yaml: costItems[3].years[0].rule.rounding.unit: must be 1, 100 or 1000 (got 10)",
    ]);
  });

  it("a decimal written as a bare number, a misspelt field and a missing field, all reported at once", () => {
    const dir = copyOfBundled("norrbotten");
    editYaml(dir, "cost-items.yaml", (doc) => {
      doc.costItems[6].years[0].rule.model.ratePerInhabitant = 1.25;
      doc.costItems[0].catgory = "baseFunding";
      delete doc.costItems[1].nameEn;
    });
    expect(problemsOf(dir)).toEqual([
      'cost-items.yaml: costItems[0]: unknown field "catgory" (a typo?)',
      "cost-items.yaml: costItems[1].nameEn: is missing (required)",
      'cost-items.yaml: costItems[6].years[0].rule.model.ratePerInhabitant: 1.25 is not a whole number; write decimal amounts in quotes, e.g. "1.25"',
    ]);
  });

  it("a YAML syntax error names the line", () => {
    const dir = copyOfBundled("skanearkiv");
    writeFileSync(join(dir, "meetings.yaml"), "meetings:\n  - id: a\n   body: committee\n");
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^meetings\.yaml: line 3, column \d+: not valid YAML: /);
  });

  it("a missing required file, and a file that is not part of a dataset", () => {
    const dir = copyOfBundled("skanearkiv");
    writeFileSync(join(dir, "population.yaml"), readFileSync(join(dir, "population.yaml")));
    writeFileSync(join(dir, "budget.yaml"), "budget: 1\n");
    expect(problemsOf(dir)[0]).toBe(
      "budget.yaml: is not a dataset file; expected one of collaboration.yaml, municipalities.yaml, population.yaml, cost-items.yaml, published-tables.yaml, statements.yaml, meetings.yaml, annual-cycle.yaml, goals.yaml, risks.yaml, projects.yaml, decisions.yaml",
    );
  });

  it("a folder that does not exist", () => {
    const dir = join(copyOfBundled("skanearkiv"), "nope");
    expect(() => loadDataset(dir)).toThrow(/is not a readable folder/);
    mkdirSync(dir);
    expect(problemsOf(dir)).toEqual([
      "collaboration.yaml: is missing (every dataset needs it)",
      "municipalities.yaml: is missing (every dataset needs it)",
      "population.yaml: is missing (every dataset needs it)",
      "cost-items.yaml: is missing (every dataset needs it)",
    ]);
  });

  it("the error message is readable and carries no stack-trace noise in its text", () => {
    const dir = copyOfBundled("norrbotten");
    editYaml(dir, "published-tables.yaml", (doc) => {
      doc.publishedTables[2].rows.Boden = -1;
    });
    try {
      loadDataset(dir);
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toBe(
        `Could not load dataset "norrbotten": 1 problem\n  - ${join(dir, "published-tables.yaml")}: publishedTables[2].rows.Boden: must not be negative`,
      );
    }
  });
});
