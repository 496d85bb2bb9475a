import Link from "next/link";
import { getSessionUser } from "@/lib/auth/session";
import { signOutAction } from "@/app/sign-in/actions";
import { NavLinks } from "./nav-links";

const LINKS = [
  { href: "/", label: "Leaderboard" },
  { href: "/upload", label: "Upload" },
  { href: "/runs", label: "Runs" },
  { href: "/label", label: "Label" },
  { href: "/stats", label: "Stats" },
  { href: "/admin", label: "Admin" },
];

export async function SiteHeader() {
  const user = await getSessionUser();

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight text-slate-900">
          Tool<span className="text-indigo-600">Eval</span>
        </Link>
        <NavLinks links={LINKS} />
        <div className="ml-auto flex items-center gap-3 text-sm">
          {user ? (
            <>
              <span className="text-slate-600" data-testid="signed-in-as">
                {user.email} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{user.role}</span>
              </span>
              <form action={signOutAction}>
                <button className="text-slate-600 hover:text-slate-900" type="submit">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/sign-in" className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
