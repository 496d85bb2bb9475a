import type { Metadata } from "next";
import { NotBuilt } from "@/components/not-built";

export const metadata: Metadata = { title: "Stats" };

export default function StatsPage() {
  return <NotBuilt title="Statistics" what="Judge variance across rounds, judge-human agreement and bias will be shown here." />;
}
