import { Forbidden } from "@/components/settings/forbidden";

export default function SettingsForbidden() {
  return <Forbidden />;
}
