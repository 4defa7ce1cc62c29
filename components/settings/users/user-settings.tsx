"use client";

import { KeyRound, Plus, UserCheck, UserX, Users } from "lucide-react";
import { useState } from "react";
import clsx from "clsx";
import { Avatar } from "@/components/ui/avatar";
import type { UserSettingsDto } from "@/lib/server/users/manage";
import { changeRoleAction, resetPasswordAction, setUserActiveAction } from "@/lib/actions/users";
import { Button, IconButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pill } from "@/components/ui/pill";
import { TableHead } from "@/components/ui/table-head";
import { useAction } from "@/components/ui/use-action";
import { NewUserDialog } from "./new-user-dialog";
import { PasswordOnceDialog } from "./password-once-dialog";
import { ReassignDialog } from "./reassign-dialog";

const ROLES = [["ADMIN", "Admin"], ["MANAGER", "Manager"], ["SALES", "Sales"]] as const;
const ROLE_LABEL = Object.fromEntries(ROLES) as Record<UserSettingsDto["role"], string>;

export function UserSettings({ users, currentUserId }: { users: UserSettingsDto[]; currentUserId: string }) {
  const [adding, setAdding] = useState(false);
  const [password, setPassword] = useState<{ email: string; password: string } | null>(null);
  const [reassigning, setReassigning] = useState<UserSettingsDto | null>(null);
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? "The user";
  const changeRole = useAction(changeRoleAction, { success: (_d, { id, role }) => `${nameOf(id)} is now ${ROLE_LABEL[role]}` });
  const resetPassword = useAction(resetPasswordAction);
  const setActive = useAction(setUserActiveAction, { success: (_d, { id, active }) => `${nameOf(id)} ${active ? "reactivated" : "deactivated"}` });

  return (
    <Card
      title={`${users.filter((u) => u.active).length} active users`}
      description="The last active admin cannot be demoted or deactivated."
      actions={
        <Button variant="primary" size="sm" onClick={() => setAdding(true)}>
          <Plus className="size-4" aria-hidden="true" /> Add user
        </Button>
      }
    >
      <div className="relative overflow-x-auto"><table className="w-full text-sm" data-testid="users-table">
        <TableHead columns={[{ label: "User" }, { label: "Role" }, { label: "Status" }, { label: "Open deals", right: true }, { label: "Actions", right: true }]} />
        <tbody className="divide-y divide-border">
          {users.map((u) => (
            <tr key={u.id} aria-label={u.name} className={clsx(!u.active && "bg-surface-muted/40")}>
              <td className="px-5 py-3">
                <div className="flex items-center gap-3">
                  <Avatar name={u.name} />
                  <div className="min-w-0">
                    <div className={clsx("font-medium", !u.active && "text-muted")}>{u.name}{u.id === currentUserId ? <span className="ml-1.5 text-xs font-normal text-muted">(you)</span> : null}</div>
                    <div className="text-xs text-muted">{u.email}</div>
                  </div>
                </div>
              </td>
              <td className="px-3 py-3">
                <select
                  aria-label={`Role of ${u.name}`}
                  className="rounded-md border border-border bg-surface px-2 py-1 text-sm"
                  value={u.role}
                  onChange={(e) => changeRole.run({ id: u.id, role: e.target.value as UserSettingsDto["role"] })}
                >
                  {ROLES.map(([value, label]) => (
                    <option key={value} value={value}>{label}</option>
                  ))}
                </select>
              </td>
              <td className="px-3 py-3">{u.active ? <Pill tone="success">Active</Pill> : <Pill tone="danger">Deactivated</Pill>}</td>
              <td className="px-3 py-3 text-right tabular">{u.openOpportunities}</td>
              <td className="px-5 py-3">
                <div className="flex justify-end gap-1">
                  <IconButton label={`Reassign ${u.name}'s opportunities`} disabled={u.allOpportunities === 0} onClick={() => setReassigning(u)}>
                    <Users className="size-4" aria-hidden="true" />
                  </IconButton>
                  <IconButton
                    label={`Reset password of ${u.name}`}
                    onClick={async () => {
                      if (!window.confirm(`Reset the password of ${u.name}? Their current password stops working.`)) return;
                      const result = await resetPassword.run({ id: u.id });
                      if (result.ok) setPassword({ email: result.data.email, password: result.data.password });
                    }}
                  >
                    <KeyRound className="size-4" aria-hidden="true" />
                  </IconButton>
                  {u.active ? (
                    <IconButton
                      label={`Deactivate ${u.name}`}
                      disabled={u.id === currentUserId}
                      className="hover:text-danger"
                      onClick={() => {
                        if (window.confirm(`Deactivate ${u.name}? They are signed out at once; their opportunities keep them as owner.`)) {
                          void setActive.run({ id: u.id, active: false });
                        }
                      }}
                    >
                      <UserX className="size-4" aria-hidden="true" />
                    </IconButton>
                  ) : (
                    <IconButton label={`Reactivate ${u.name}`} onClick={() => setActive.run({ id: u.id, active: true })}>
                      <UserCheck className="size-4" aria-hidden="true" />
                    </IconButton>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table></div>
      <NewUserDialog open={adding} onClose={() => setAdding(false)} onCreated={(email, pw) => setPassword({ email, password: pw })} />
      <PasswordOnceDialog value={password} onClose={() => setPassword(null)} />
      <ReassignDialog key={reassigning?.id ?? "none"} from={reassigning} users={users} onClose={() => setReassigning(null)} />
    </Card>
  );
}
