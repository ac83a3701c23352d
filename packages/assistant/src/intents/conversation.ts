import { closestNames, type Dataset } from "@samverkan/domain";
import { say, type Draft, type Turn } from "../draft.js";
import { alternatives, listing } from "../phrases.js";

/** Example questions, one per kind of question the assistant answers. */
export function examples(turn: Pick<Turn, "lang">): string[] {
  return turn.lang === "sv"
    ? [
        "Vad betalar Kalix för e-arkiv 2023?",
        "Vad betalar Luleå totalt i år jämfört med förra året?",
        "Vem betalar mest för e-tjänsteplattformen?",
        "Hur fördelas grundfinansieringen?",
        "Varför betalar Kalix 21 000 kr?",
        "Vad tillkommer för e-arkivet?",
        "Vilka kommuner är med?",
        "Vilka deltar i förstudien om e-learning?",
        "När är nästa sammanträde?",
        "Vilka möten är det i oktober?",
        "Vad ska beslutas i juni?",
        "Hur var närvaron på sammanträdet 16 mars?",
        "Lunds maximala uttag 2022?",
      ]
    : [
        "What does Kalix pay for e-arkiv 2023?",
        "What does Luleå pay in total this year compared with last year?",
        "Who pays the most for the e-service platform?",
        "How is the base funding split?",
        "Why does Kalix pay 21 000 kr?",
        "What comes on top for the e-archive?",
        "Which municipalities are members?",
        "Who takes part in the e-learning pre-study?",
        "When is the next committee meeting?",
        "Which meetings are there in October?",
        "What is decided in June?",
        "What was the attendance at the meeting on 16 March?",
        "What is Lund's maximum withdrawal in 2022?",
      ];
}

/** What the assistant can answer, with examples. */
export function help(turn: Turn): Draft {
  const names = turn.datasets.map((d) =>
    turn.lang === "sv" ? d.collaboration.name : d.collaboration.nameEn,
  );
  return {
    intent: "help",
    text: say(
      turn,
      `Jag svarar på frågor om ${listing(names, "sv")}: vad en kommun betalar för en kostnadspost eller totalt ett år (och förändringen mot ett annat år), en postens total och vem som betalar mest och minst, hur en post fördelas och varför en kommun betalar ett visst belopp, vad som tillkommer, vilka som är medlemmar och deltar i projekt, möten och årshjul, närvaro, och SkånEarkivs maximala uttag. Varje belopp kommer från den publicerade tabellen eller beräknas av fördelningsmotorn, och svaret säger vilket. Exempel: ${examples(turn).slice(0, 4).join(" ")}`,
      `I answer questions about ${listing(names, "en")}: what a municipality pays for a cost item or in total in a year (and the change from another year), an item's total and who pays most and least, how an item is split and why a municipality pays an amount, extra charges, members and project participants, meetings and the annual cycle, attendance, and SkånEarkiv's maximum withdrawals. Every amount comes from the published table or is computed by the allocation engine, and the answer says which. Examples: ${examples(turn).slice(0, 4).join(" ")}`,
    ),
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
      "Jag förstod inte frågan. Jag kan svara på vad kommuner betalar, hur kostnader fördelas, medlemmar och deltagare, möten, årshjul och närvaro. Pröva till exempel: " +
        examples(turn).slice(0, 3).join(" "),
      "I did not understand the question. I can answer what municipalities pay, how costs are split, members and participants, meetings, the annual cycle and attendance. Try for example: " +
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
