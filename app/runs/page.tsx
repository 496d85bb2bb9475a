import type { Metadata } from "next";
import { NotBuilt } from "@/components/not-built";

export const metadata: Metadata = { title: "Runs" };

export default function RunsPage() {
  return <NotBuilt title="Runs" what="Judging runs will be started, watched, cancelled and resumed here." />;
}
