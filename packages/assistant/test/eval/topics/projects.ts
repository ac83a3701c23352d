import { allocateCostItem } from "@samverkan/allocation";
import { membersOn, type Dataset, type Project } from "@samverkan/domain";
import type { EvalCase } from "../../support.js";

/**
 * Projects, pre-studies and services: every project's status (as reported, with its source), phase and
 * time plan, in Swedish and English, by its name and by a misspelt one; what each project costs through
 * its cost item (the engine's total) or that it has none; who pays; the lists (running projects,
 * pre-studies, services in operation); who takes part, which stays with the participants intent;
 * SkånEarkiv, which has no projects. Expected texts are the data's.
 */
export const topic = "projects";

const now = "2022-09-01";

/** The phase as the answers write it: this table is the test's own, so that a renamed phase is noticed. */
const PHASE: Readonly<Record<Project["phase"], { sv: string; en: string }>> = {
  idea: { sv: "idé", en: "idea" },
  preStudy: { sv: "förstudie", en: "pre-study" },
  requirements: { sv: "krav och design", en: "requirements and design" },
  procurement: { sv: "upphandling", en: "procurement" },
  implementation: { sv: "införande", en: "implementation" },
  development: { sv: "utveckling", en: "development" },
  operations: { sv: "förvaltning (i drift)", en: "operations" },
  ongoing: { sv: "pågående verksamhet", en: "ongoing work" },
  closed: { sv: "avslutat", en: "closed" },
};

/** The first line of the reported status, without its full stop: what every status answer quotes. */
const firstLine = (p: Project) => (p.status ?? "").split("\n")[0]?.trim().replace(/\.$/, "") ?? "";
const years = (p: Project) =>
  p.fromYear === undefined && p.toYear === undefined
    ? undefined
    : p.fromYear === p.toYear
      ? String(p.fromYear)
      : `${p.fromYear}–${p.toYear}`;

/** A misspelling: two letters inside the longest one-word synonym swapped ("elevhäslan"). */
function misspelt(p: Project): string | undefined {
  const word = [...p.synonyms]
    .filter((s) => /^\p{L}+$/u.test(s) && s.length >= 9)
    .sort((a, b) => b.length - a.length)[0];
  if (!word) return undefined;
  // Two neighbouring letters that differ, from the middle on: swapping them really misspells.
  let i = Math.floor(word.length / 2);
  while (i < word.length - 2 && word[i] === word[i + 1]) i++;
  return word.slice(0, i) + (word[i + 1] ?? "") + (word[i] ?? "") + word.slice(i + 2);
}

export function cases({ norrbotten, skanearkiv }: { norrbotten: Dataset; skanearkiv: Dataset }): EvalCase[] {
  const d = norrbotten;
  const out: EvalCase[] = [];
  const sv = (q: string, intent: string, text: string[], more: Partial<EvalCase> = {}): EvalCase => ({
    q,
    now,
    lang: "sv",
    intent,
    text,
    ...more,
  });
  const en = (q: string, intent: string, text: string[], more: Partial<EvalCase> = {}): EvalCase => ({
    ...sv(q, intent, text, more),
    lang: "en",
  });
  const members = membersOn(d.collaboration, now);

  for (const p of d.projects) {
    const status = p.status ? [firstLine(p), p.statusAsOf ?? ""] : ["ingen statusrapport"];
    out.push(
      sv(`Vad är status för ${p.name}?`, "projects", [...status, PHASE[p.phase].sv], { noAmounts: true }),
      en(`What is the status of ${p.nameEn}?`, "projects", [
        ...(p.status ? [firstLine(p), "quoted in Swedish"] : ["no status report"]),
        PHASE[p.phase].en,
      ]),
      sv(`Vilken fas är ${p.name} i?`, "projects", [
        `Fas: ${PHASE[p.phase].sv}`,
        ...(p.phasePrinted ? [`"${p.phasePrinted}"`] : []),
      ]),
      en(`What phase is ${p.nameEn} in?`, "projects", [`Phase: ${PHASE[p.phase].en}`]),
      sv(`När slutar ${p.name}?`, "projects", [
        ...(years(p) ? [years(p) as string, `slutar det ${p.toYear}`] : ["ingen tidplan med år"]),
      ]),
      en(`What is the time plan for ${p.nameEn}?`, "projects", [years(p) ?? "no time plan in years"]),
    );
    const typo = misspelt(p);
    if (typo)
      out.push(
        sv(`Vad är status för ${typo}?`, "projects", [...status, `Jag tolkade "${typo}" som ${p.name}`]),
      );

    // What it costs: the cost item's total for the year the engine has (now's, else the nearest).
    const item = d.costItems.find((x) => x.id === p.costItem);
    const ruled = (item?.years ?? []).filter((y) => y.rule).map((y) => y.year);
    const year = ruled.includes(2022) ? 2022 : (ruled.filter((y) => y < 2022).at(-1) ?? ruled[0]);
    if (item && year !== undefined) {
      const total = allocateCostItem(d, item.id, year).rowSum.toFixed();
      const amounts = [[null, item.id, year, total, "itemTotal"]] as const;
      out.push(
        sv(`Hur mycket kostar projektet ${p.name}?`, "projects", [item.name, String(year)], {
          amounts,
          year,
        }),
        en(`What does the project ${p.nameEn} cost?`, "projects", [item.nameEn, String(year)], { amounts }),
      );
    } else
      out.push(
        sv(
          `Hur mycket kostar projektet ${p.name}?`,
          "projects",
          [`ingen kostnadspost eller budget för ${p.name}`],
          {
            noAmounts: true,
          },
        ),
      );
    const who =
      p.participants === "allMembers"
        ? `alla ${members.length} medlemmar`
        : `${p.participants.length} kommuner`;
    out.push(sv(`Vem betalar för ${p.name}?`, "projects", [who]));
  }

  // The lists: projects under way, pre-studies, services in operation.
  const running = d.projects.filter((p) => p.phase !== "operations" && p.phase !== "closed");
  const of = (phase: Project["phase"]) => d.projects.filter((p) => p.phase === phase);
  out.push(
    sv("Vilka projekt pågår?", "projects", [
      `${running.length} projekt och förstudier`,
      ...running.map((p) => p.name),
    ]),
    en("Which projects are under way?", "projects", [
      `${running.length} projects and pre-studies`,
      ...running.map((p) => p.nameEn),
    ]),
    sv(
      "Vilka förstudier finns?",
      "projects",
      [`${of("preStudy").length} förstudier`, ...of("preStudy").map((p) => p.name)],
      {
        notText: of("implementation").map((p) => p.name),
      },
    ),
    en(
      "Which pre-studies are there?",
      "projects",
      of("preStudy").map((p) => p.nameEn),
    ),
    sv(
      "Vilka projekt är i drift?",
      "projects",
      of("operations").map((p) => p.name),
    ),
    sv(
      "när slutar projektet?",
      "projects",
      running.map((p) => `${p.name} — ${years(p) ?? ""}`),
    ),
    sv(
      "Vilka projkt pågår?",
      "projects",
      running.map((p) => p.name),
    ),
    en(
      "what is the status of the projcets",
      "projects",
      running.map((p) => p.nameEn),
    ),
  );

  // Who takes part is the participants intent's answer (membership.ts), also with "förstudien" in it.
  for (const p of d.projects.filter((x) => x.participants !== "allMembers"))
    out.push(
      sv(`Vilka deltar i ${p.name}?`, "participants", [...(p.participants as string[])]),
      en(`Who takes part in ${p.nameEn}?`, "participants", [
        `${(p.participants as string[]).length} municipalities`,
      ]),
    );
  // A municipality's own cost is the cost intents' answer.
  out.push(sv("Vad betalar Boden för HR-förstudien?", "itemCost", ["Boden betalar"]));

  // SkånEarkiv has no projects in the data.
  out.push(
    sv(`Vilka projekt har ${skanearkiv.collaboration.name}?`, "projects", [
      `${skanearkiv.collaboration.name} har inga projekt eller förstudier i datat`,
    ]),
    en(`Which projects does ${skanearkiv.collaboration.name} have?`, "projects", [
      "has no projects or pre-studies",
    ]),
  );
  return out;
}
