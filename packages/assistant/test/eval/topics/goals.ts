import { foldName, type Dataset, type Goal } from "@samverkan/domain";
import type { EvalCase } from "../../support.js";

/**
 * The committee's goals and indicators: for every year of the data, the list (Swedish, English, a few
 * misspelt), the indicators only, the goals at risk, the follow-up; every goal by a word of its own
 * subject; the years without goals; SkånEarkiv, which has none. Expected texts are the data's: goal
 * texts, the follow-up's report and measurements ("9 av 14"), the forecast in words.
 */
export const topic = "goals";

const FORECAST: Record<Goal["followUps"][number]["forecast"], { sv: string; en: string }> = {
  met: { sv: "uppnått", en: "met" },
  willBeMet: { sv: "kommer att nås", en: "will be met" },
  atRisk: { sv: "risk att det inte nås", en: "at risk" },
  notMet: { sv: "nås inte", en: "not be met" },
  notStarted: { sv: "ej påbörjat", en: "not started" },
};

const latest = (g: Goal) => [...g.followUps].sort((a, b) => a.asOf.localeCompare(b.asOf)).at(-1);
const start = (s: string) => s.slice(0, 40);
const atRisk = (g: Goal) => ["atRisk", "notMet"].includes(latest(g)?.forecast ?? "");

/** The measurements of a goal's latest follow-up as counts: "9 av 14" / "9 of 14". */
function counts(g: Goal, lang: "sv" | "en"): string[] {
  return (latest(g)?.measurements ?? []).flatMap((m) =>
    m.of !== undefined ? [`${m.value} ${lang === "sv" ? "av" : "of"} ${m.of}`] : [],
  );
}

/** What the answer about one goal must say: its text, its forecast (or that it is not followed up), its counts. */
function about(g: Goal, lang: "sv" | "en"): string[] {
  const f = latest(g);
  const forecast = f ? FORECAST[f.forecast][lang] : lang === "sv" ? "följs inte upp" : "not followed up";
  return [start(lang === "sv" ? g.text : g.textEn), forecast, ...counts(g, lang)];
}

/**
 * Words that say what kind of text it is rather than what it is about (the committee, the members,
 * goals, the year): never a subject to ask by.
 */
const NOT_A_SUBJECT =
  /^(namnd|enamnd|kommun|norrbott|mal|goal|indikator|indicator|target|committee|municipal|verksamhetsar|during|every|year)/;

/**
 * A word of the goal's text that names it alone: seven letters or more, and no other goal of the year
 * has a word starting with its first six letters in either language. The longest such word.
 */
function ownWord(g: Goal, others: readonly Goal[], lang: "sv" | "en"): string | undefined {
  // The first word opens the sentence ("Existing", "Kontrollera"): rarely what it is about.
  const words = (lang === "sv" ? g.text : g.textEn)
    .split(/[^\p{L}]+/u)
    .slice(1)
    .filter((w) => w.length >= 7)
    .map((w) => w.toLowerCase());
  const otherText = others.map((o) => foldName(`${o.text} ${o.textEn}`)).join(" ");
  return words
    .filter((w) => !NOT_A_SUBJECT.test(foldName(w)) && !otherText.includes(foldName(w).slice(0, 6)))
    .sort((a, b) => b.length - a.length)[0];
}

export function cases({ norrbotten, skanearkiv }: { norrbotten: Dataset; skanearkiv: Dataset }): EvalCase[] {
  const d = norrbotten;
  const out: EvalCase[] = [];
  const years = [...new Set(d.goals.map((g) => g.year))].sort();
  for (const y of years) {
    const now = `${y}-09-01`;
    const all = d.goals.filter((g) => g.year === y);
    const goals = all.filter((g) => g.kind === "goal");
    const indicators = all.filter((g) => g.kind === "indicator");
    const base = { now, intent: "goals", noAmounts: true, year: y } as const;
    const reports = [...new Set(all.flatMap((g) => g.followUps.map((f) => f.report)))];
    const sv = all.flatMap((g) => [start(g.text), ...counts(g, "sv")]);
    const en = all.flatMap((g) => [start(g.textEn), ...counts(g, "en")]);

    // The whole list, however it is asked.
    for (const q of [
      `Vilka mål har nämnden ${y}?`,
      `Vilka mål och indikatorer finns för ${y}?`,
      `verksamhetsmål ${y}`,
    ])
      out.push({ ...base, q, lang: "sv", text: [`Verksamhetsplan ${y}`, ...sv] });
    for (const q of [
      `What are the committee's goals for ${y}?`,
      `Which objectives does the committee have in ${y}?`,
    ])
      out.push({ ...base, q, lang: "en", text: [`Verksamhetsplan ${y}`, ...en] });
    for (const q of [
      `Hur går det med målen ${y}?`,
      `Kommer målen att nås ${y}?`,
      `Hur går det med målenn ${y}?`,
    ])
      out.push({ ...base, q, lang: "sv", text: [...reports, ...all.flatMap((g) => about(g, "sv"))] });
    for (const q of [
      `How are the goals followed up in ${y}?`,
      `Will the goals be met in ${y}?`,
      `How are the goasl going in ${y}?`,
    ])
      out.push({ ...base, q, lang: "en", text: [...reports, ...all.flatMap((g) => about(g, "en"))] });

    // Indicators only.
    const notGoals = goals.slice(0, 2);
    out.push(
      {
        ...base,
        q: `Vilka indikatorer finns ${y}?`,
        lang: "sv",
        text: indicators.map((g) => start(g.text)),
        notText: notGoals.map((g) => start(g.text)),
      },
      {
        ...base,
        q: `Which indicators are there for ${y}?`,
        lang: "en",
        text: indicators.map((g) => start(g.textEn)),
        notText: notGoals.map((g) => start(g.textEn)),
      },
      {
        ...base,
        q: `Vilka indikatorerna finns för ${y}?`,
        lang: "sv",
        text: indicators.map((g) => start(g.text)),
      },
    );

    // The goals at risk, and none of those on track.
    const risky = all.filter(atRisk);
    const onTrack = all.filter((g) => latest(g) && !atRisk(g)).slice(0, 3);
    if (risky.length > 0)
      out.push(
        {
          ...base,
          q: `Vilka mål riskerar att inte nås ${y}?`,
          lang: "sv",
          text: risky.flatMap((g) => about(g, "sv")),
          notText: onTrack.map((g) => start(g.text)),
        },
        {
          ...base,
          q: `Which goals are at risk in ${y}?`,
          lang: "en",
          text: risky.flatMap((g) => about(g, "en")),
          notText: onTrack.map((g) => start(g.textEn)),
        },
      );

    // Every goal by a word of its own subject, and nothing of the others.
    for (const g of all) {
      const others = all.filter((o) => o !== g);
      const wsv = ownWord(g, others, "sv");
      const wen = ownWord(g, others, "en");
      const kindSv = g.kind === "goal" ? "målet" : "indikatorn";
      const kindEn = g.kind === "goal" ? "goal" : "indicator";
      if (wsv) {
        const notText = others.map((o) => start(o.text));
        out.push(
          {
            ...base,
            q: `Hur går det med ${kindSv} om ${wsv} ${y}?`,
            lang: "sv",
            text: about(g, "sv"),
            notText,
          },
          {
            ...base,
            q: `Vilken prognos har ${kindSv} om ${wsv}?`,
            lang: "sv",
            text: about(g, "sv"),
            notText,
          },
        );
      }
      if (wen) {
        const notText = others.map((o) => start(o.textEn));
        out.push(
          {
            ...base,
            q: `How is the ${kindEn} about ${wen} doing in ${y}?`,
            lang: "en",
            text: about(g, "en"),
            notText,
          },
          {
            ...base,
            q: `What is the forecast for the ${kindEn} on ${wen}?`,
            lang: "en",
            text: about(g, "en"),
            notText,
          },
        );
      }
    }

    // The attendance goal in everyday words; the measured attendance at a meeting stays attendance's.
    const attendanceGoal = all.find((g) => g.target?.metric === "attendanceRate");
    if (attendanceGoal) {
      const pct = attendanceGoal.target?.min?.times(100).toFixed() ?? "";
      out.push(
        { ...base, q: "målet om närvaro", lang: "sv", text: about(attendanceGoal, "sv") },
        {
          ...base,
          q: "Hur går det med närvaromålet, målet om närvaro?",
          lang: "sv",
          text: about(attendanceGoal, "sv"),
        },
        { ...base, q: "What's the target for attendance?", lang: "en", text: about(attendanceGoal, "en") },
        {
          q: `Når nämnden målet om ${pct} % närvaro?`,
          now,
          lang: "sv",
          intent: "attendance",
          noAmounts: true,
        },
      );
    }

    // No year given: the year of now, said.
    out.push(
      {
        ...base,
        q: "Vilka mål har nämnden?",
        lang: "sv",
        text: ["Inget år angavs", String(y), start(all[0]?.text ?? "")],
      },
      {
        ...base,
        q: "What are the goals?",
        lang: "en",
        text: ["No year was given", String(y), start(all[0]?.textEn ?? "")],
      },
    );
    // The goals are the committee's, whatever member is named.
    const member = d.municipalities[0]?.name ?? "";
    out.push({
      ...base,
      q: `Vilka mål har ${member} ${y}?`,
      lang: "sv",
      text: ["nämndens gemensamma", member, ...sv.slice(0, 2)],
    });
    // "The goal of the e-archive": no goal names it; said, and the list given.
    out.push({
      ...base,
      q: "What's the goal of the e-archive?",
      lang: "en",
      text: ["No goal", start(all[0]?.textEn ?? "")],
    });
  }

  // Years without goals: said, with the years that have them, never another year's list.
  const after = Math.max(...years) + 1;
  const have = years.map(String);
  const first = d.goals[0] as Goal;
  out.push(
    {
      q: `Vilka mål har nämnden ${after}?`,
      now: `${after - 1}-09-01`,
      lang: "sv",
      intent: "goals",
      noAmounts: true,
      text: [`inga mål`, String(after), ...have],
      notText: [start(first.text)],
    },
    {
      q: `What are the committee's goals for ${after}?`,
      now: `${after - 1}-09-01`,
      lang: "en",
      intent: "goals",
      noAmounts: true,
      text: [`no goals`, String(after), ...have],
      notText: [start(first.textEn)],
    },
    {
      q: "Vilka mål har nämnden?",
      now: `${after}-03-01`,
      lang: "sv",
      intent: "goals",
      noAmounts: true,
      text: ["Inget år angavs", String(after), String(after - 1), start(first.text)],
    },
    {
      q: "How are the goals going?",
      now: `${after}-03-01`,
      lang: "en",
      intent: "goals",
      noAmounts: true,
      text: ["No year was given", String(after), String(after - 1)],
    },
    {
      q: `och ${after}?`,
      previous: [`Vilka mål har nämnden ${after - 1}?`],
      now: `${after - 1}-09-01`,
      lang: "sv",
      intent: "goals",
      noAmounts: true,
      interpretedAs: `Vilka mål har nämnden ${after}?`,
      text: ["inga mål", String(after)],
    },
  );

  // SkånEarkiv has no goals: said, with the collaboration that has them.
  if (skanearkiv.goals.length === 0)
    out.push(
      {
        q: `Vilka mål har ${skanearkiv.collaboration.name}?`,
        now: "2022-09-01",
        lang: "sv",
        intent: "goals",
        noAmounts: true,
        text: [skanearkiv.collaboration.name, "inga mål", d.collaboration.name],
      },
      {
        q: `What are ${skanearkiv.collaboration.name}'s goals?`,
        now: "2022-09-01",
        lang: "en",
        intent: "goals",
        noAmounts: true,
        text: ["no goals", d.collaboration.nameEn.replace(/^The /, "")],
      },
    );
  return out;
}
