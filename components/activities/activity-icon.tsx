// The icon of an activity type (ActivityType.icon names one of these).
import { Calendar, Check, Coffee, Flag, Mail, MessageSquare, Phone, Users, type LucideIcon } from "lucide-react";

const ICONS: Record<string, LucideIcon> = { phone: Phone, users: Users, check: Check, mail: Mail, flag: Flag, calendar: Calendar, coffee: Coffee, message: MessageSquare };

export function ActivityIcon({ icon, className = "size-3.5", label }: { icon: string; className?: string; label?: string }) {
  const Icon = ICONS[icon] ?? Calendar;
  return label ? <Icon className={className} aria-label={label} role="img" /> : <Icon className={className} aria-hidden="true" />;
}
