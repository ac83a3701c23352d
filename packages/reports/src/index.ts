/**
 * @samverkan/reports — report builders and renderers. The reports arrive with the reports issue;
 * the shared Swedish number formatting they will use already lives in @samverkan/domain.
 */
export { formatMoney, formatNumber } from "@samverkan/domain";
