// A session's device in words ("Chrome on macOS") from its User-Agent header,
// for the list of active sessions. Pure; a heuristic good enough to recognise
// one's own browsers, not a device database. Order matters: Edge and Opera
// also call themselves Chrome, Chrome also calls itself Safari.

export interface Device {
  browser: string;
  os: string | null;
  mobile: boolean;
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bCriOS\/|\bChrome\/|\bChromium\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/^curl\//, "curl"],
  [/^(node|undici)\b|^Node\.js/i, "A script (Node.js)"],
  [/^python-|^Python\//, "A script (Python)"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bWindows NT\b/, "Windows"],
  [/\biPhone\b/, "iOS"],
  [/\biPad\b/, "iPadOS"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

export function describeUserAgent(userAgent: string | null | undefined): Device {
  const ua = userAgent ?? "";
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? "Unknown browser";
  const os = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  return { browser, os, mobile: /\bMobi|\biPhone\b|\bAndroid\b/.test(ua) };
}

/** "Chrome on macOS", or the browser alone when the system is unknown. */
export const deviceLabel = (device: Device) => (device.os ? `${device.browser} on ${device.os}` : device.browser);
