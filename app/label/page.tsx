import type { Metadata } from "next";
import { NotBuilt } from "@/components/not-built";

export const metadata: Metadata = { title: "Label" };

export default function LabelPage() {
  return <NotBuilt title="Label" what="Annotators will label pairwise preferences and pass/fail here, so the app can report judge-human agreement." />;
}
