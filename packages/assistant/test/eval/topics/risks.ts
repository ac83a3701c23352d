import { foldName, type Dataset, type Risk } from "@samverkan/domain";
import type { EvalCase } from "../../support.js";

/**
 * The internal-control plan's risks: for every year of the data, the whole plan ranked by risk value
 * (Swedish, English, misspelt, by its names: riskanalys, internkontrollplan), the biggest ones (top N,
 * ties included), the risks handled by internal control and the accepted ones (and never the other
 * kind), every risk by a word of its own and by its printed text (who is responsible, how it is
 * handled, its score); the years without a plan; SkånEarkiv, which has none. Expected texts are the
 * data's: the score as "3 × 3 = 9", the control point as printed.
 */
export const topic = "risks";

const score = (r: Risk) => `${r.likelihood} × ${r.consequence} = ${r.riskValue}`;
const start = (s: string) => s.slice(0, 30);
const byValue = (rs: readonly Risk[]) => [...rs].sort((a, b) => b.riskValue - a.riskValue);

/** The highest `n` risk values, with every risk tied with the last one. */
function top(rs: readonly Risk[], n: number): Risk[] {
  const sorted = byValue(rs);
  const cutoff = sorted[Math.min(n, sorted.length) - 1]?.riskValue ?? 0;
  return sorted.filter((r) => r.riskValue >= cutoff);
}

const DECISION = {
  internalControl: { sv: "hanteras via internkontroll", en: "handled by internal control" },
  accepted: { sv: "accepteras", en: "accepted" },
} as const;

/** The responsible role as the answer must show it: as printed, or that the plan states none. */
function responsible(r: Risk, lang: "sv" | "en"): string {
  if (foldName(r.responsible) === "ej angivet") return lang === "sv" ? "ej angivet" : "not stated";
  return r.responsible;
}

/** Words that say what the plan is about in general (control, risk, the committee, the members). */
const NOT_A_SUBJECT = /^(kontroll|control|check|risk|namnd|enamnd|kommun|municipal|committee|plan|mal|goal)/;

/**
 * A word of the control point that names the risk alone: seven letters or more, and no other risk of
 * the year has, in any of its texts, a word starting with its first six letters. The longest such word.
 */
function ownWord(r: Risk, others: readonly Risk[], lang: "sv" | "en"): string | undefined {
  // The first word opens the sentence ("Existing", "Kontrollera"): rarely what it is about.
  const words = (lang === "sv" ? r.controlPoint : r.controlPointEn)
    .split(/[^\p{L}]+/u)
    .slice(1)
    .filter((w) => w.length >= 7)
    .map((w) => w.toLowerCase());
  const otherText = others
    .map((o) => foldName([o.controlPoint, o.controlPointEn, o.responsible, o.method].join(" ")))
    .join(" ");
  return words
    .filter((w) => !NOT_A_SUBJECT.test(foldName(w)) && !otherText.includes(foldName(w).slice(0, 6)))
    .sort((a, b) => b.length - a.length)[0];
}

export function cases({ norrbotten, skanearkiv }: { norrbotten: Dataset; skanearkiv: Dataset }): EvalCase[] {
  const d = norrbotten;
  const out: EvalCase[] = [];
  const years = [...new Set(d.risks.map((r) => r.year))].sort();
  for (const y of years) {
    const now = `${y}-09-01`;
    const all = byValue(d.risks.filter((r) => r.year === y));
    const base = { now, intent: "risks", noAmounts: true, year: y } as const;
    const sv = all.flatMap((r) => [score(r), start(r.controlPoint)]);
    const en = all.flatMap((r) => [score(r), start(r.controlPointEn)]);

    // The whole plan, however it is named.
    for (const q of [
      `Vilka risker finns ${y}?`,
      `riskanalys ${y}`,
      `internkontrollplan ${y}`,
      `Visa internkontrollplanen för ${y}`,
      `Vilka risjer finns ${y}?`,
      `rsiker ${y}`,
      `Vilka riskvärden har riskerna ${y}?`,
    ])
      out.push({ ...base, q, lang: "sv", text: [`Internkontrollplan ${y}`, ...sv] });
    for (const q of [
      `What are the risks in ${y}?`,
      `Show the risk analysis for ${y}`,
      `What is in the internal control plan for ${y}?`,
      `What are the riks in ${y}?`,
    ])
      out.push({ ...base, q, lang: "en", text: [`Internkontrollplan ${y}`, ...en] });

    // The biggest: the highest risk values, ties with the last one included, nothing below.
    const asked: [string, "sv" | "en", number][] = [
      [`Vilka är de största riskerna ${y}?`, "sv", 3],
      [`What are the biggest risks in ${y}?`, "en", 3],
      [`Vilken är den största risken ${y}?`, "sv", 1],
      [`What is the biggest risk in ${y}?`, "en", 1],
      [`De två största riskerna ${y}`, "sv", 2],
      [`top 2 risks in ${y}`, "en", 2],
      [`Vilka risker har högst riskvärde ${y}?`, "sv", 3],
    ];
    for (const [q, lang, n] of asked) {
      const shown = top(all, n);
      const hidden = all.filter((r) => !shown.includes(r));
      const cp = (r: Risk) => start(lang === "sv" ? r.controlPoint : r.controlPointEn);
      out.push({
        ...base,
        q,
        lang,
        text: shown.flatMap((r) => [score(r), cp(r)]),
        notText: hidden.map(cp),
      });
    }

    // By a score: the risks with that value (or above it), the lowest, the most likely, the worst consequence.
    const cp = (r: Risk, lang: "sv" | "en") => start(lang === "sv" ? r.controlPoint : r.controlPointEn);
    const only = (q: string, lang: "sv" | "en", keep: (r: Risk) => boolean): EvalCase => ({
      ...base,
      q,
      lang,
      text: all.filter(keep).flatMap((r) => [score(r), cp(r, lang)]),
      notText: all.filter((r) => !keep(r)).map((r) => cp(r, lang)),
    });
    for (const v of [...new Set(all.map((r) => r.riskValue))])
      out.push(only(`Vilka risker har riskvärde ${v} ${y}?`, "sv", (r) => r.riskValue === v));
    const middle = (byValue(all)[Math.floor(all.length / 2)] as Risk).riskValue;
    const min = Math.min(...all.map((r) => r.riskValue));
    const maxL = Math.max(...all.map((r) => r.likelihood));
    const maxC = Math.max(...all.map((r) => r.consequence));
    out.push(
      only(`Vilka risker har riskvärde över ${middle} ${y}?`, "sv", (r) => r.riskValue > middle),
      only(
        `Which risks have a risk value of at least ${middle} in ${y}?`,
        "en",
        (r) => r.riskValue >= middle,
      ),
      only(`Vilken är den minsta risken ${y}?`, "sv", (r) => r.riskValue === min),
      only(`Vilken risk har högst sannolikhet ${y}?`, "sv", (r) => r.likelihood === maxL),
      only(`Which risk is most likely in ${y}?`, "en", (r) => r.likelihood === maxL),
      only(`Which risk has the highest consequence in ${y}?`, "en", (r) => r.consequence === maxC),
      only(`Vilka risker accepteras inte ${y}?`, "sv", (r) => r.decision !== "accepted"),
      only(
        `Which risks are not handled by internal control in ${y}?`,
        "en",
        (r) => r.decision !== "internalControl",
      ),
    );

    // By decision: the ones asked for, never the others.
    for (const decision of ["internalControl", "accepted"] as const) {
      const these = all.filter((r) => r.decision === decision);
      const others = all.filter((r) => r.decision !== decision);
      if (these.length === 0) continue;
      const qs =
        decision === "accepted"
          ? ([
              [`Vilka risker accepteras ${y}?`, "sv"],
              [`Which risks are accepted in ${y}?`, "en"],
              [`Vilka risker har nämnden accepterat ${y}?`, "sv"],
            ] as const)
          : ([
              [`Vilka risker hanteras via internkontroll ${y}?`, "sv"],
              [`Which risks are handled by internal control in ${y}?`, "en"],
              [`Vilka risker hanteras som kontrollmoment ${y}?`, "sv"],
            ] as const);
      for (const [q, lang] of qs) {
        const cp = (r: Risk) => start(lang === "sv" ? r.controlPoint : r.controlPointEn);
        out.push({
          ...base,
          q,
          lang,
          text: [DECISION[decision][lang], ...these.flatMap((r) => [score(r), cp(r)])],
          notText: others.map(cp),
        });
      }
    }

    // Every risk by a word of its own subject, and by its printed text.
    for (const r of all) {
      const others = all.filter((o) => o !== r);
      const wsv = ownWord(r, others, "sv");
      const wen = ownWord(r, others, "en");
      const notSv = others.map((o) => start(o.controlPoint));
      const notEn = others.map((o) => start(o.controlPointEn));
      const sayRisk = [score(r), start(r.controlPoint), DECISION[r.decision].sv];
      const sayRiskEn = [score(r), start(r.controlPointEn), DECISION[r.decision].en];
      if (wsv)
        out.push(
          {
            ...base,
            q: `Vem ansvarar för risken om ${wsv}?`,
            lang: "sv",
            text: [responsible(r, "sv"), ...sayRisk],
            notText: notSv,
          },
          { ...base, q: `Hur hanteras risken om ${wsv} ${y}?`, lang: "sv", text: sayRisk, notText: notSv },
        );
      if (wen)
        out.push(
          {
            ...base,
            q: `Who is responsible for the risk about ${wen}?`,
            lang: "en",
            text: [responsible(r, "en"), ...sayRiskEn],
            notText: notEn,
          },
          {
            ...base,
            q: `What is the risk value of the risk on ${wen} in ${y}?`,
            lang: "en",
            text: sayRiskEn,
            notText: notEn,
          },
        );
      out.push({
        ...base,
        q: `What is the risk value of "${r.controlPointEn}"?`,
        lang: "en",
        text: sayRiskEn,
        notText: notEn,
      });
      out.push({
        ...base,
        q: `Vilket riskvärde har "${r.controlPoint}"?`,
        lang: "sv",
        text: [...sayRisk, responsible(r, "sv")],
        notText: notSv,
      });
    }

    // No year given: the year of now, said.
    out.push(
      { ...base, q: "Vilka risker finns?", lang: "sv", text: ["Inget år angavs", String(y), ...sv] },
      {
        ...base,
        q: "what are the biggest risks",
        lang: "en",
        text: ["No year was given", ...top(all, 3).map(score)],
      },
    );
  }

  // Years without a plan: said, with the years that have one, never another year's plan.
  const after = Math.max(...years) + 1;
  const first = byValue(d.risks)[0] as Risk;
  out.push(
    {
      q: `Vilka risker finns ${after}?`,
      now: `${after - 1}-09-01`,
      lang: "sv",
      intent: "risks",
      noAmounts: true,
      text: ["ingen internkontrollplan", String(after), ...years.map(String)],
      notText: [score(first)],
    },
    {
      q: `What are the risks in ${after}?`,
      now: `${after - 1}-09-01`,
      lang: "en",
      intent: "risks",
      noAmounts: true,
      text: ["no internal-control plan", String(after)],
      notText: [score(first)],
    },
    {
      q: "Vilka är de största riskerna?",
      now: `${after}-03-01`,
      lang: "sv",
      intent: "risks",
      noAmounts: true,
      text: ["Inget år angavs", String(after), String(after - 1), score(first)],
    },
    {
      q: `och ${after}?`,
      previous: [`Vilka risker finns ${after - 1}?`],
      now: `${after - 1}-09-01`,
      lang: "sv",
      intent: "risks",
      noAmounts: true,
      interpretedAs: `Vilka risker finns ${after}?`,
      text: ["ingen internkontrollplan", String(after)],
    },
  );

  // When the plan is decided is the årshjul's question, not the plan's rows.
  out.push(
    {
      q: "När beslutas internkontrollplanen?",
      now: "2022-09-01",
      lang: "sv",
      intent: "annualCycle",
      noAmounts: true,
    },
    {
      q: "When is the risk analysis decided?",
      now: "2022-09-01",
      lang: "en",
      intent: "annualCycle",
      noAmounts: true,
    },
  );

  // SkånEarkiv has no internal-control plan: said, with the collaboration that has one.
  if (skanearkiv.risks.length === 0)
    out.push(
      {
        q: `Vilka risker har ${skanearkiv.collaboration.name}?`,
        now: "2022-09-01",
        lang: "sv",
        intent: "risks",
        noAmounts: true,
        text: [skanearkiv.collaboration.name, "ingen internkontrollplan", d.collaboration.name],
      },
      {
        q: `What are the risks for ${skanearkiv.collaboration.name}?`,
        now: "2022-09-01",
        lang: "en",
        intent: "risks",
        noAmounts: true,
        text: ["no internal-control plan", d.collaboration.nameEn.replace(/^The /, "")],
      },
    );
  return out;
}
