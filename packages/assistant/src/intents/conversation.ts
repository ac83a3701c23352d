import { closestNames, type Dataset } from "@samverkan/domain";
import { say, type Draft, type Turn } from "../draft.js";
import { exampleLines, TOPIC_EXAMPLES } from "../examples.js";
import { alternatives, listing } from "../phrases.js";

/** Example questions, one per topic the assistant answers (follow-ups aside: they need a question before). */
export function examples(turn: Pick<Turn, "lang">): string[] {
  return TOPIC_EXAMPLES.filter((e) => !e.after).map((e) => e.question[turn.lang]);
}

/** Every topic's title, lower case, as a list ("vad en kommun betalar, …, följdfrågor"). */
function topicList(lang: "sv" | "en"): string {
  return listing(
    TOPIC_EXAMPLES.map((e) => e.title[lang].charAt(0).toLowerCase() + e.title[lang].slice(1)),
    lang,
  );
}

/** What the assistant can answer: every topic with one example, as text and as the card's table. */
export function help(turn: Turn): Draft {
  const names = turn.datasets.map((d) =>
    turn.lang === "sv" ? d.collaboration.name : d.collaboration.nameEn,
  );
  const lines = exampleLines(turn.lang);
  return {
    intent: "help",
    text: say(
      turn,
      `Jag svarar på frågor om ${listing(names, "sv")}, på svenska eller engelska. Varje belopp kommer från en publicerad tabell eller beräknas av fördelningsmotorn, och svaret säger vilket; ett scenario märks alltid som beräknat. Följdfrågor tar det som saknas från förra svaret. Ämnen, med ett exempel var:\n${lines.map((l) => `- ${l}`).join("\n")}`,
      `I answer questions about ${listing(names, "en")}, in Swedish or English. Every amount comes from a published table or is computed by the allocation engine, and the answer says which; a scenario is always labelled as computed. Follow-ups take what they leave out from the previous answer. Topics, with one example each:\n${lines.map((l) => `- ${l}`).join("\n")}`,
    ),
    table: {
      columns: [
        { key: "topic", label: say(turn, "Ämne", "Topic"), kind: "text" },
        { key: "example", label: say(turn, "Exempel", "Example"), kind: "text" },
      ],
      rows: TOPIC_EXAMPLES.map((e) => ({
        cells: {
          topic: { kind: "text", text: e.title[turn.lang] },
          example: {
            kind: "text",
            text: e.after ? `${e.after[turn.lang]} → ${e.question[turn.lang]}` : e.question[turn.lang],
          },
        },
      })),
    },
    followUps: examples(turn),
  };
}

/** The question is ambiguous between names: ask which one, with each as an option. */
export function clarifyNames(
  turn: Turn,
  typed: string,
  options: readonly string[],
  rephrase: (name: string) => string,
): Draft {
  return {
    intent: "clarify",
    text: say(
      turn,
      `Menar du ${alternatives(options, "sv")}? "${typed}" kan vara flera.`,
      `Do you mean ${alternatives(options, "en")}? "${typed}" could be several.`,
    ),
    options,
    followUps: options.map(rephrase),
  };
}

/** The question names no municipality although it needs one: ask which. */
export function clarifyMunicipality(turn: Turn, rephrase: (name: string) => string): Draft {
  const names = turn.dataset.collaboration.members.map((m) => m.municipality);
  return {
    intent: "clarify",
    collaboration: turn.dataset.collaboration.id,
    text: say(
      turn,
      `Vilken kommun menar du? Medlemmar i ${turn.dataset.collaboration.name}: ${listing(names, "sv")}.`,
      `Which municipality do you mean? Members of ${turn.dataset.collaboration.nameEn}: ${listing(names, "en")}.`,
    ),
    options: names,
    followUps: names.slice(0, 5).map(rephrase),
  };
}

/** A municipality the data does not have: say so, with the closest names and every member. */
export function unknownMunicipality(turn: Turn, typed: string): Draft {
  const candidates = turn.datasets.flatMap((d) =>
    d.municipalities.map((m) => ({ name: m.name, spellings: [m.name, ...m.aliases] })),
  );
  const closest = closestNames(typed, candidates);
  const lists = turn.datasets.map(
    (d: Dataset) =>
      `${turn.lang === "sv" ? d.collaboration.name : d.collaboration.nameEn}: ${listing(
        d.collaboration.members.map((m) => m.municipality),
        turn.lang,
      )}`,
  );
  return {
    intent: "unknown",
    text:
      say(
        turn,
        `${typed} finns inte bland kommunerna i datat.`,
        `${typed} is not among the municipalities in the data.`,
      ) +
      (closest.length
        ? say(
            turn,
            ` Menade du ${alternatives(closest, "sv")}?`,
            ` Did you mean ${alternatives(closest, "en")}?`,
          )
        : "") +
      say(
        turn,
        ` Kommunerna som finns: ${lists.join(". ")}.`,
        ` The municipalities there are: ${lists.join(". ")}.`,
      ),
    ...(closest.length ? { options: closest } : {}),
    followUps: closest.map((c) => say(turn, `Vad betalar ${c} i år?`, `What does ${c} pay this year?`)),
  };
}

/** A cost item the collaboration does not have: say so, with the closest names and every item. */
export function unknownItem(turn: Turn, typed: string, municipality?: string): Draft {
  const d = turn.dataset;
  const candidates = d.costItems.map((x) => ({ name: x.name, spellings: [x.name, x.nameEn, ...x.synonyms] }));
  const closest = typed ? closestNames(typed, candidates) : [];
  const names = d.costItems.map((x) => (turn.lang === "sv" ? x.name : x.nameEn));
  const other = turn.datasets
    .filter((o) => o !== d)
    .find((o) =>
      o.costItems.some(
        (x) =>
          closestNames(typed, [{ name: x.name, spellings: [x.name, x.nameEn, ...x.synonyms] }]).length > 0,
      ),
    );
  return {
    intent: "unknown",
    collaboration: d.collaboration.id,
    text:
      say(
        turn,
        `${typed ? `"${typed}"` : "Den posten"} finns inte bland ${d.collaboration.name}s kostnadsposter${municipality ? ` (${municipality} är medlem där)` : ""}.`,
        `${typed ? `"${typed}"` : "That item"} is not among ${d.collaboration.nameEn}'s cost items${municipality ? ` (${municipality} is a member there)` : ""}.`,
      ) +
      (closest.length
        ? say(
            turn,
            ` Menade du ${alternatives(closest, "sv")}?`,
            ` Did you mean ${alternatives(closest, "en")}?`,
          )
        : "") +
      (other
        ? say(
            turn,
            ` Den finns hos ${other.collaboration.name}.`,
            ` It exists in ${other.collaboration.nameEn}.`,
          )
        : "") +
      say(turn, ` Kostnadsposterna är: ${names.join(", ")}.`, ` The cost items are: ${names.join(", ")}.`),
    ...(closest.length ? { options: closest } : {}),
    followUps: (closest.length ? closest : names.slice(0, 3)).map((n) =>
      municipality
        ? say(turn, `Vad betalar ${municipality} för ${n}?`, `What does ${municipality} pay for ${n}?`)
        : say(turn, `Hur fördelas ${n}?`, `How is ${n} split?`),
    ),
  };
}

/** A question not understood: say so and what can be asked. */
export function notUnderstood(turn: Turn): Draft {
  return {
    intent: "unknown",
    text: say(
      turn,
      `Jag förstod inte frågan. Jag kan svara på: ${topicList("sv")}. Pröva till exempel: ` +
        examples(turn).slice(0, 3).join(" "),
      `I did not understand the question. I can answer: ${topicList("en")}. Try for example: ` +
        examples(turn).slice(0, 3).join(" "),
    ),
    followUps: examples(turn),
  };
}

/** A follow-up that cannot be put together with the question before it: say so, never guess. */
export function followUpNotUnderstood(turn: Turn, what: string, previous: string): Draft {
  return {
    intent: "unknown",
    text: say(
      turn,
      `Jag förstod inte följdfrågan "${what}"${previous ? ` efter "${previous}"` : ""}. Ställ gärna hela frågan, till exempel: ${examples(turn).slice(0, 2).join(" ")}`,
      `I did not understand the follow-up "${what}"${previous ? ` after "${previous}"` : ""}. Please ask the whole question, for example: ${examples(turn).slice(0, 2).join(" ")}`,
    ),
    followUps: examples(turn).slice(0, 5),
  };
}
