/**
 * @samverkan/allocation — the cost-sharing engine. The models arrive with the allocation-engine
 * issue; until then this package only re-exports the rule types it will implement, so dependants
 * can already type against them.
 */
export type { AllocationModel, AllocationModelType, AllocationRule, Rounding } from "@samverkan/domain";
