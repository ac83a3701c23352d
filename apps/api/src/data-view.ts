import { closestNames, type Dataset, type Meeting } from "@samverkan/domain";
import { HttpProblem } from "./problem.js";
import type { ApiStore } from "./store-port.js";

/**
 * The datasets as the routes see them. The store hands out the same frozen dataset objects until the
 * data changes, so everything computed from one (allocations, the assistant's engine results) can be
 * remembered against that object and is forgotten with it.
 */
export class DataView {
  readonly #store: Pick<ApiStore, "datasets" | "meetings" | "currentDataset">;
  readonly #withMeetings = new WeakMap<
    Dataset,
    { meetings: readonly Meeting[]; key: string; dataset: Dataset }
  >();

  constructor(store: Pick<ApiStore, "datasets" | "meetings" | "currentDataset">) {
    this.#store = store;
  }

  all(): Promise<readonly Dataset[]> {
    return this.#store.datasets();
  }

  /** The collaboration's dataset, or a 404 with the closest ids and names. */
  async dataset(collaboration: string): Promise<Dataset> {
    const all = await this.#store.datasets();
    const found = all.find((d) => d.collaboration.id === collaboration);
    if (found) return found;
    const suggestions = closestNames(
      collaboration,
      all.map((d) => ({
        name: d.collaboration.id,
        spellings: [d.collaboration.id, d.collaboration.name, d.collaboration.nameEn],
      })),
    );
    throw new HttpProblem(
      "unknown-collaboration",
      {
        sv: `Det finns ingen samverkan "${collaboration}". Det finns: ${all.map((d) => d.collaboration.id).join(", ")}.`,
        en: `There is no collaboration "${collaboration}". There are: ${all.map((d) => d.collaboration.id).join(", ")}.`,
      },
      { suggestions: suggestions.length ? suggestions : all.map((d) => d.collaboration.id) },
    );
  }

  /** The meeting plan as it stands: the store's meetings, with moves, cancellations, additions and attendance. */
  meetings(dataset: Dataset): Promise<readonly Meeting[]> {
    return this.#store.meetings(dataset.collaboration.id);
  }

  /**
   * The dataset with the meeting plan as it stands, for the assistant and the meetings report. The same
   * object comes back while the plan is unchanged, so their caches keep working.
   */
  async withCurrentMeetings(dataset: Dataset): Promise<Dataset> {
    const meetings = await this.meetings(dataset);
    const known = this.#withMeetings.get(dataset);
    if (known?.meetings === meetings) return known.dataset;
    const key = JSON.stringify(meetings);
    if (known && known.key === key) {
      this.#withMeetings.set(dataset, { ...known, meetings });
      return known.dataset;
    }
    const merged: Dataset = Object.freeze({ ...dataset, meetings: Object.freeze([...meetings]) });
    this.#withMeetings.set(dataset, { meetings, key, dataset: merged });
    return merged;
  }

  /**
   * The dataset as the store has it now: the meeting plan with recorded attendees, and the decisions
   * register with the recorded decisions. For the attendance and decisions reports, which need both.
   */
  current(dataset: Dataset): Promise<Dataset> {
    return this.#store.currentDataset(dataset.collaboration.id);
  }

  async allWithCurrentMeetings(): Promise<Dataset[]> {
    return Promise.all((await this.all()).map((d) => this.withCurrentMeetings(d)));
  }
}
