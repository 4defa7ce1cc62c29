// The delete dialogs' question: counts of what the user may see, and records
// they may not see named without a number.
import { describe, expect, it } from "vitest";
import { contactsPhrase, opportunitiesPhrase, usagePhrase } from "@/components/forms/usage-phrase";

describe("usagePhrase", () => {
  it("lists the counted parts and adds hidden records without a number", () => {
    expect(usagePhrase([opportunitiesPhrase(1), contactsPhrase(1)], false)).toBe("1 opportunity and 1 contact");
    expect(usagePhrase([opportunitiesPhrase(2), contactsPhrase(3)], true)).toBe("2 opportunities, 3 contacts and records you cannot see");
    expect(usagePhrase([null, contactsPhrase(1)], true)).toBe("1 contact and records you cannot see");
    expect(usagePhrase([null, null], true)).toBe("Records you cannot see");
    expect(usagePhrase([opportunitiesPhrase(1)], false)).toBe("1 opportunity");
  });
});
