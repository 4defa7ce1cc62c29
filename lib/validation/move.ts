// Input of moveOpportunity: the board's drag and drop, the detail page's stage
// path and POST /api/v1/opportunities/{id}/move all send this shape.
import { z } from "zod";

const id = z.string().trim().min(1, "Required").max(64, "Not a valid id");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

export const moveOpportunitySchema = z.object({
  opportunityId: id,
  /** The stage (column) the card goes to; may be the one it is in. */
  stageId: id,
  /** The card that ends up directly above the moved one (null: none, or unknown). */
  beforeId: id.nullish().transform((v) => v ?? null),
  /** The card that ends up directly below the moved one. */
  afterId: id.nullish().transform((v) => v ?? null),
  lostReasonId: id.nullish().transform((v) => v ?? null),
  lostNote: optionalText(2000),
  competitor: optionalText(200),
  /** When given, a card changed by someone else since this version is refused (409). */
  expectedVersion: z.number().int().min(1).optional(),
});

export type MoveOpportunityInput = z.input<typeof moveOpportunitySchema>;
export type MoveOpportunityParsed = z.output<typeof moveOpportunitySchema>;

/** The Lost dialog's form: why the deal was lost, and optionally against whom. */
export const lostDetailsSchema = z.object({
  lostReasonId: z.string().min(1, "Choose why the deal was lost"),
  competitor: z.string().trim().max(200, "At most 200 characters"),
  lostNote: z.string().trim().max(2000, "At most 2000 characters"),
});

export type LostDetailsForm = z.infer<typeof lostDetailsSchema>;
