// Line items as the outside world sees them, and the opportunity figures
// every line change returns (the amount they derive, the version to send next).
import type { LineItem } from "@/lib/db/generated/client";
import { amountMode, type Billing } from "@/lib/domain/line-items";
import type { OpportunityDto } from "../opportunities/read/dto";
import { isoTimestamp } from "../serialize";

export interface LineItemDto {
  id: string;
  opportunityId: string;
  position: number;
  productId: string | null;
  code: string | null;
  name: string;
  description: string | null;
  quantity: string;
  unit: string | null;
  unitPrice: string;
  discountPercent: string;
  billing: Billing;
  total: string;
  createdAt: string;
  updatedAt: string;
}

export function toLineItemDto(l: LineItem): LineItemDto {
  return {
    id: l.id,
    opportunityId: l.opportunityId,
    position: l.position,
    productId: l.productId,
    code: l.code,
    name: l.name,
    description: l.description,
    quantity: l.quantity.toString(),
    unit: l.unit,
    unitPrice: l.unitPrice.toFixed(2),
    discountPercent: l.discountPercent.toString(),
    billing: l.billing,
    total: l.total.toFixed(2),
    createdAt: isoTimestamp(l.createdAt)!,
    updatedAt: isoTimestamp(l.updatedAt)!,
  };
}

export interface OpportunityAmountsDto {
  id: string;
  version: number;
  currency: string;
  exchangeRate: string;
  amount: string;
  oneTimeAmount: string;
  recurringAmount: string;
  baseAmount: string;
  weightedAmount: string;
  contractMonths: number | null;
  probability: number;
  /** "derived" while the opportunity has line items (the amount is theirs), "manual" otherwise. */
  amountMode: "derived" | "manual";
}

export function toAmountsDto(o: OpportunityDto, lineCount: number): OpportunityAmountsDto {
  return {
    id: o.id,
    version: o.version,
    currency: o.currency,
    exchangeRate: o.exchangeRate,
    amount: o.amount,
    oneTimeAmount: o.oneTimeAmount,
    recurringAmount: o.recurringAmount,
    baseAmount: o.baseAmount,
    weightedAmount: o.weightedAmount,
    contractMonths: o.contractMonths,
    probability: o.probability,
    amountMode: amountMode(lineCount),
  };
}

export interface LineItemsDto {
  data: LineItemDto[];
  opportunity: OpportunityAmountsDto;
}
