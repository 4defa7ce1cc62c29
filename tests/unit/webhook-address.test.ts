import { describe, expect, it } from "vitest";
import { isLocalHostName, isPrivateAddress } from "@/lib/server/webhooks/address";

describe("webhook address safety", () => {
  it.each([
    "127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1",
    "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fc12::9", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "[::1]", "fe80::1%eth0", "not-an-ip",
  ])("refuses %s", (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows %s", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it("treats localhost names as local whatever DNS says", () => {
    expect(isLocalHostName("localhost")).toBe(true);
    expect(isLocalHostName("api.localhost.")).toBe(true);
    expect(isLocalHostName("printer.local")).toBe(true);
    expect(isLocalHostName("hooks.example.com")).toBe(false);
  });
});
