// Fixed reference data for the demo. The seed combines it with a seeded random
// generator so that every fresh install shows the same pipeline.

export const DEMO_PASSWORD = "demo-pass-2026";

export const DEMO_USERS = [
  { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" },
  { email: "manager@example.com", name: "Morgan Manager", role: "MANAGER" },
  { email: "alice@example.com", name: "Alice Anders", role: "SALES" },
  { email: "bob@example.com", name: "Bob Baker", role: "SALES" },
] as const;

export const DEMO_CURRENCIES = [
  { code: "USD", name: "US Dollar", symbol: "$", rateToBase: "1", isBase: true },
  { code: "EUR", name: "Euro", symbol: "€", rateToBase: "1.08", isBase: false },
  { code: "GBP", name: "British Pound", symbol: "£", rateToBase: "1.27", isBase: false },
] as const;

type StageSeed = {
  name: string;
  probability: number;
  type: "OPEN" | "WON" | "LOST";
  color: string;
  rottingDays: number | null;
  forecastCategory: "PIPELINE" | "BEST_CASE" | "COMMIT" | "CLOSED" | "OMITTED";
};

export const DEMO_PIPELINES: { name: string; isDefault: boolean; stages: StageSeed[] }[] = [
  {
    name: "Sales",
    isDefault: true,
    stages: [
      { name: "Lead", probability: 10, type: "OPEN", color: "#94a3b8", rottingDays: 14, forecastCategory: "PIPELINE" },
      { name: "Qualified", probability: 25, type: "OPEN", color: "#60a5fa", rottingDays: 14, forecastCategory: "PIPELINE" },
      { name: "Proposal", probability: 50, type: "OPEN", color: "#a78bfa", rottingDays: 21, forecastCategory: "BEST_CASE" },
      { name: "Negotiation", probability: 75, type: "OPEN", color: "#f59e0b", rottingDays: 21, forecastCategory: "COMMIT" },
      { name: "Won", probability: 100, type: "WON", color: "#10b981", rottingDays: null, forecastCategory: "CLOSED" },
      { name: "Lost", probability: 0, type: "LOST", color: "#ef4444", rottingDays: null, forecastCategory: "OMITTED" },
    ],
  },
  {
    name: "Renewals",
    isDefault: false,
    stages: [
      { name: "Upcoming", probability: 60, type: "OPEN", color: "#94a3b8", rottingDays: 30, forecastCategory: "BEST_CASE" },
      { name: "In discussion", probability: 80, type: "OPEN", color: "#60a5fa", rottingDays: 21, forecastCategory: "COMMIT" },
      { name: "Renewed", probability: 100, type: "WON", color: "#10b981", rottingDays: null, forecastCategory: "CLOSED" },
      { name: "Churned", probability: 0, type: "LOST", color: "#ef4444", rottingDays: null, forecastCategory: "OMITTED" },
    ],
  },
];

export const DEMO_LOST_REASONS = ["Price too high", "Chose a competitor", "No budget", "No decision", "Bad timing", "Missing features"];
export const DEMO_SOURCES = ["Website", "Referral", "Outbound", "Event", "Partner", "Inbound call"];
export const DEMO_TYPES = ["New business", "Upsell", "Cross-sell", "Renewal"];
export const DEMO_LABELS = [
  { key: "HOT", name: "Hot", color: "#ef4444" },
  { key: "PRIORITY", name: "Priority", color: "#f59e0b" },
  { key: "STALLED", name: "Stalled", color: "#64748b" },
];

export const DEMO_ACCOUNTS = [
  ["Acme Corporation", "Manufacturing", "Enterprise", "North America", "Chicago", "US", 5200],
  ["Globex", "Energy", "Enterprise", "North America", "Houston", "US", 8400],
  ["Initech", "Software", "Mid-market", "North America", "Austin", "US", 640],
  ["Umbrella Health", "Healthcare", "Enterprise", "North America", "Boston", "US", 12000],
  ["Stark Industries", "Aerospace", "Enterprise", "North America", "Los Angeles", "US", 30000],
  ["Wayne Logistics", "Logistics", "Enterprise", "North America", "Newark", "US", 4100],
  ["Hooli", "Software", "Enterprise", "North America", "Palo Alto", "US", 21000],
  ["Pied Piper", "Software", "SMB", "North America", "San Francisco", "US", 45],
  ["Vandelay Imports", "Retail", "SMB", "North America", "New York", "US", 80],
  ["Soylent Foods", "Food & Beverage", "Mid-market", "North America", "Portland", "US", 900],
  ["Nordwind GmbH", "Logistics", "Mid-market", "DACH", "Hamburg", "DE", 1300],
  ["Bergmann & Söhne", "Manufacturing", "Mid-market", "DACH", "Munich", "DE", 760],
  ["Lumière SA", "Retail", "Enterprise", "France", "Lyon", "FR", 3300],
  ["Atelier Durand", "Design", "SMB", "France", "Paris", "FR", 35],
  ["Costa Verde SL", "Hospitality", "Mid-market", "Iberia", "Valencia", "ES", 520],
  ["Brightwater Ltd", "Utilities", "Enterprise", "UK & Ireland", "Manchester", "GB", 6100],
  ["Thames Analytics", "Software", "SMB", "UK & Ireland", "London", "GB", 120],
  ["Highland Distillers", "Food & Beverage", "Mid-market", "UK & Ireland", "Edinburgh", "GB", 410],
  ["Kestrel Robotics", "Hardware", "Mid-market", "North America", "Pittsburgh", "US", 350],
  ["Orbital Media", "Media", "SMB", "North America", "Denver", "US", 60],
] as const;

export const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas",
  "Mia", "Mateo", "Amelia", "Henry", "Harper", "Theo", "Evelyn", "Leo", "Chloe", "Jack",
];
export const LAST_NAMES = [
  "Garcia", "Müller", "Smith", "Dubois", "Rossi", "Nguyen", "Johnson", "Schmidt", "Martin", "Brown",
  "Lopez", "Wilson", "Fischer", "Bernard", "Taylor", "Clark", "Lewis", "Walker", "Hall", "Young",
];
export const JOB_TITLES = ["CEO", "CFO", "VP Sales", "Head of Operations", "IT Director", "Procurement Manager", "CTO", "COO"];

export const DEMO_PRODUCTS = [
  ["PLAT-STD", "Platform licence, Standard", "seat", "49.00", "USD", "Licences", "MONTHLY"],
  ["PLAT-PRO", "Platform licence, Professional", "seat", "89.00", "USD", "Licences", "MONTHLY"],
  ["PLAT-ENT", "Platform licence, Enterprise", "seat", "149.00", "USD", "Licences", "MONTHLY"],
  ["ANL-ADD", "Analytics add-on", "seat", "19.00", "USD", "Add-ons", "MONTHLY"],
  ["API-PACK", "API call pack (1M)", "pack", "250.00", "USD", "Add-ons", "MONTHLY"],
  ["ONB-STD", "Onboarding package", "package", "2500.00", "USD", "Services", "ONE_TIME"],
  ["ONB-PREM", "Premium onboarding", "package", "7500.00", "USD", "Services", "ONE_TIME"],
  ["TRN-DAY", "Training day", "day", "1200.00", "USD", "Services", "ONE_TIME"],
  ["CONS-HR", "Consulting hour", "hour", "180.00", "USD", "Services", "ONE_TIME"],
  ["SUP-PREM", "Premium support", "month", "500.00", "USD", "Support", "MONTHLY"],
  ["HW-GATE", "Edge gateway", "device", "890.00", "EUR", "Hardware", "ONE_TIME"],
  ["HW-SENS", "Sensor kit", "kit", "320.00", "EUR", "Hardware", "ONE_TIME"],
] as const;

export const DEAL_NOUNS = [
  "platform rollout", "expansion", "pilot", "annual licence", "analytics upgrade", "support renewal",
  "onboarding", "EMEA rollout", "team seats", "integration project", "hardware refresh", "API package",
];

export const DEMO_CUSTOM_FIELDS = [
  { key: "nextStep", label: "Next step", type: "TEXT" as const, options: [], required: false, position: 0 },
  { key: "decisionProcess", label: "Decision process", type: "SELECT" as const, options: ["Single buyer", "Committee", "Procurement"], required: false, position: 1 },
];
