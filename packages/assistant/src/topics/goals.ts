import type { Topic } from "./topic.js";
import { notUnderstood } from "../intents/conversation.js";

// Placeholder while the topic is built: claims nothing.
export const goalsTopic: Topic = { id: "goals", claims: () => false, answer: notUnderstood };
