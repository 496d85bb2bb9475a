import Link from "next/link";

const SECTIONS = [
  { href: "/admin", label: "Users, tokens, queries" },
  { href: "/admin/judges", label: "Judges" },
];

export function AdminNav({ current }: { current: string }) {
  return (
    <nav className="flex gap-2 border-b border-slate-200 pb-2 text-sm">
      {SECTIONS.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          className={`rounded-md px-3 py-1.5 ${section.href === current ? "bg-slate-200 font-medium" : "text-slate-600 hover:text-slate-900"}`}
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
