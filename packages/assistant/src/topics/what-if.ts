import type { Topic } from "./topic.js";
import { notUnderstood } from "../intents/conversation.js";

// Placeholder while the topic is built: claims nothing.
export const whatIfTopic: Topic = { id: "whatIf", claims: () => false, answer: notUnderstood };
