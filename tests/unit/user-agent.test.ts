import { describe, expect, it } from "vitest";
import { describeUserAgent, deviceLabel } from "@/lib/domain/user-agent";

const label = (ua: string | null) => deviceLabel(describeUserAgent(ua));

describe("a session's device", () => {
  it("names the browsers that also call themselves Chrome or Safari by their own name", () => {
    expect(label("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0")).toBe("Edge on Windows");
    expect(label("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36")).toBe("Chrome on macOS");
    expect(label("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15")).toBe("Safari on macOS");
    expect(label("Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0")).toBe("Firefox on Linux");
    expect(label("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0")).toBe("Opera on Linux");
  });

  it("knows phones and tablets, scripts, and says so when it cannot tell", () => {
    const iphone = describeUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1");
    expect(iphone).toEqual({ browser: "Chrome", os: "iOS", mobile: true });
    expect(describeUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36")).toEqual({ browser: "Chrome", os: "Android", mobile: true });
    expect(label("curl/8.5.0")).toBe("curl");
    expect(label("node")).toBe("A script (Node.js)");
    expect(label(null)).toBe("Unknown browser");
    expect(label("")).toBe("Unknown browser");
  });
});
