import { describe, expect, it } from "vitest";
import { currentItem, navItemsFor } from "@/components/app-shell/nav-items";

describe("the main navigation", () => {
  const admin = navItemsFor("ADMIN");
  const current = (path: string) => currentItem(admin, path)?.label ?? null;

  it("lists Contacts and the developer tools for everyone, Import for admins and managers, Settings for admins only", () => {
    expect(admin.map((i) => i.label)).toEqual(["Board", "Opportunities", "Forecast", "Accounts", "Contacts", "Import", "Settings", "API keys", "API reference"]);
    expect(navItemsFor("MANAGER").map((i) => i.label)).toContain("Import");
    expect(navItemsFor("SALES").map((i) => i.label)).not.toContain("Settings");
    expect(navItemsFor("SALES").map((i) => i.label)).not.toContain("Import");
  });

  it("marks the most specific section as current", () => {
    expect(current("/contacts")).toBe("Contacts");
    expect(current("/contacts/abc/edit")).toBe("Contacts");
    expect(current("/settings/api-keys")).toBe("API keys");
    expect(current("/settings/pipelines")).toBe("Settings");
    expect(current("/api-docs")).toBe("API reference");
    expect(current("/boardroom")).toBeNull();
    expect(current("/profile")).toBeNull();
  });
});
