import { editDistance, foldName, type Dataset } from "@samverkan/domain";
import { AMBIGUOUS_ITEM_WORDS, COLLABORATION_NAMES, ITEM_SYNONYMS } from "./vocabulary.js";
import { compactKey, PhraseIndex } from "./text.js";

/** A spelling of a municipality: the name, an alias, the kommunkod, or one of those in the genitive. */
export interface MunicipalitySpelling {
  readonly name: string;
  readonly collaboration: string;
}

/** The names one dataset knows, indexed for finding them in a question. */
export interface Lexicon {
  readonly dataset: Dataset;
  readonly collaboration: string;
  readonly municipalities: PhraseIndex<MunicipalitySpelling>;
  /** Folded spellings (name, aliases, genitives) for typo and prefix matching. */
  readonly municipalitySpellings: readonly { readonly fold: string; readonly name: string }[];
  /** Cost items by any of their names; a word naming several items maps to all of them. */
  readonly items: PhraseIndex<readonly string[]>;
  /** Compact item keys of six letters or more, for typo matching ("earkv" → e-arkiv). */
  readonly itemKeys: readonly { readonly key: string; readonly ids: readonly string[] }[];
  readonly projects: PhraseIndex<string>;
}

const lexicons = new WeakMap<Dataset, Lexicon>();

/** The dataset's lexicon, built once per dataset. */
export function lexiconOf(d: Dataset): Lexicon {
  let lexicon = lexicons.get(d);
  if (!lexicon) {
    lexicon = buildLexicon(d);
    lexicons.set(d, lexicon);
  }
  return lexicon;
}

function buildLexicon(d: Dataset): Lexicon {
  const collaboration = d.collaboration.id;
  const municipalities = new PhraseIndex<MunicipalitySpelling>();
  const spellings: { fold: string; name: string }[] = [];
  for (const m of d.municipalities) {
    const value = { name: m.name, collaboration };
    for (const s of [m.name, ...m.aliases]) {
      municipalities.add(s, value).add(`${s}s`, value);
      spellings.push({ fold: compactKey(s), name: m.name });
    }
    municipalities.add(m.code, value);
  }

  const items = new PhraseIndex<readonly string[]>();
  // Ambiguous words first: the index keeps a phrase's first meaning.
  for (const [word, ids] of Object.entries(AMBIGUOUS_ITEM_WORDS[collaboration] ?? {})) items.add(word, ids);
  const extra = ITEM_SYNONYMS[collaboration] ?? {};
  for (const x of d.costItems) {
    for (const s of [x.name, x.nameEn, x.id, ...x.synonyms, ...(extra[x.id] ?? [])]) items.add(s, [x.id]);
  }
  const itemKeys: { key: string; ids: readonly string[] }[] = [];
  for (const x of d.costItems) {
    for (const s of [x.name, ...x.synonyms, ...(extra[x.id] ?? [])]) {
      const key = compactKey(s);
      if (key.length >= 6) itemKeys.push({ key, ids: [x.id] });
    }
  }

  const projects = new PhraseIndex<string>();
  for (const p of d.projects) for (const s of [p.name, p.nameEn, p.id, ...p.synonyms]) projects.add(s, p.id);

  return {
    dataset: d,
    collaboration,
    municipalities,
    municipalitySpellings: spellings,
    items,
    itemKeys,
    projects,
  };
}

/** The collaborations' names as people write them ("e-nämnden", "SkånEarkiv"), for the given datasets. */
export function collaborationIndex(datasets: readonly Dataset[]): PhraseIndex<string> {
  const index = new PhraseIndex<string>();
  for (const d of datasets) {
    for (const s of [
      d.collaboration.id,
      d.collaboration.name,
      d.collaboration.nameEn,
      ...(COLLABORATION_NAMES[d.collaboration.id] ?? []),
    ])
      index.add(s, d.collaboration.id);
  }
  return index;
}

/**
 * The municipalities a word could be a misspelling or the start of: an edit distance of at most 1
 * (words of 4–6 letters) or 2 (longer), or a prefix of three letters or more ("Över" → Överkalix,
 * Övertorneå). The best-scoring names only; several means the word is ambiguous.
 */
export function nearMunicipalities(
  fold: string,
  lexicons: readonly Lexicon[],
): { readonly names: readonly MunicipalitySpelling[]; readonly how: "typo" | "prefix" } | undefined {
  if (fold.length < 3 || /^\d+$/.test(fold)) return undefined;
  const prefix: MunicipalitySpelling[] = [];
  let best = Number.POSITIVE_INFINITY;
  let typo: MunicipalitySpelling[] = [];
  const limit = fold.length >= 7 ? 2 : fold.length >= 4 ? 1 : 0;
  for (const lexicon of lexicons) {
    for (const s of lexicon.municipalitySpellings) {
      const value = { name: s.name, collaboration: lexicon.collaboration };
      if (s.fold.startsWith(fold) && s.fold.length > fold.length) {
        if (!prefix.some((p) => p.name === s.name)) prefix.push(value);
        continue;
      }
      if (limit === 0 || Math.abs(s.fold.length - fold.length) > limit) continue;
      const distance = editDistance(fold, s.fold);
      if (distance > limit) continue;
      if (distance < best) {
        best = distance;
        typo = [value];
      } else if (distance === best && !typo.some((t) => t.name === s.name)) typo.push(value);
    }
  }
  if (prefix.length > 0) return { names: prefix, how: "prefix" };
  if (typo.length > 0) return { names: typo, how: "typo" };
  return undefined;
}

/** Items a run of words could be a misspelling of (edit distance 1, keys of six letters or more). */
export function nearItems(key: string, lexicon: Lexicon): readonly string[] | undefined {
  if (key.length < 5) return undefined;
  let found: readonly string[] | undefined;
  for (const k of lexicon.itemKeys) {
    if (Math.abs(k.key.length - key.length) > 1) continue;
    if (editDistance(key, k.key) <= 1) {
      if (found && found.join() !== k.ids.join()) return undefined; // two items this close: not a typo we can place
      found = k.ids;
    }
  }
  return found;
}

/** The folded form used to compare names in texts (re-exported for the parser). */
export { foldName };
