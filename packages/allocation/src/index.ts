export * from "./rational.js";
export { roundToUnit, type RoundingMode } from "./rounding.js";
export { apportion, type Apportionment } from "./apportion.js";
export {
  runEngine,
  type EngineModel,
  type EngineParticipant,
  type EngineCap,
  type EngineOptions,
  type EngineRow,
  type EngineResult,
} from "./engine.js";
export { monthsOfMembership, membersDuring } from "./participation.js";
export { modelName, roundingPhrase, describeRounding, formatDate, monthName, type Lang } from "./words.js";
export { explainRow } from "./explain.js";
export {
  allocateCostItem,
  resolveCostItem,
  AllocationError,
  type AllocateOptions,
  type AllocationResult,
  type AllocationRow,
  type ExactAmount,
  type PublishedCell,
} from "./allocate-cost-item.js";
export type { AllocationModel, AllocationModelType, AllocationRule, Rounding } from "@samverkan/domain";
export { whatIf, type WhatIfChange, type WhatIfResult, type WhatIfRow } from "./what-if.js";
export { indexTotal, impliedIndexFactor, type Index } from "./indexation.js";
export { settle, type Settlement, type SettlementRow } from "./settlement.js";
export { buyIn, type BuyIn } from "./buy-in.js";
export { chargeForExtra } from "./charges.js";
export * from "./statement.js";
