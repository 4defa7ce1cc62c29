"use server";
// Signing in: the one action without a session to check, so the one not
// declared with serverAction(). It takes the form's FormData
// (useActionState), so the sign-in form works before any script has loaded.
import { AuthError } from "next-auth";
import { signIn } from "@/lib/server/auth/auth";

export interface SignInState {
  error?: string;
  email?: string;
}

/** Only same-site paths are accepted as a destination after sign-in. */
function safeDestination(value: FormDataEntryValue | null): string {
  const target = typeof value === "string" ? value : "";
  return target.startsWith("/") && !target.startsWith("//") ? target : "/opportunities";
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: safeDestination(form.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const locked = (error as AuthError & { code?: string }).code === "locked";
      return {
        error: locked ? "Too many failed sign-in attempts. For your security, sign-in is paused for 15 minutes." : "Incorrect email or password.",
        email,
      };
    }
    throw error; // the redirect after a successful sign-in travels as an error
  }
}

