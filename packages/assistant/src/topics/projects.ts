import type { Topic } from "./topic.js";
import { notUnderstood } from "../intents/conversation.js";

// Placeholder while the topic is built: claims nothing.
export const projectsTopic: Topic = { id: "projects", claims: () => false, answer: notUnderstood };
